using System.Text.Json;
using System.Text.Json.Nodes;
using FargateNetwork.Policies.Inputs;
using FargateNetwork.Policies.Pack;

namespace FargateNetwork.Policies.Check;

/// <summary>
/// <c>check</c>: reads each input as a stack, runs every enabled policy on it, prints the results in the chosen format.
/// Exit code: 0 no mandatory violation, 1 at least one, 2 bad usage, config or input (the worst over all inputs; the
/// other inputs are still checked). Errors go to stderr as one line each; results go to stdout.
/// </summary>
public static class CheckCommand
{
    public const int Passed = 0;
    public const int MandatoryViolations = 1;
    public const int BadInput = 2;

    public static int Run(IReadOnlyList<string> args, TextReader stdin, Stream stdout, TextWriter stderr)
    {
        CheckOptions options;
        PolicyPack pack;
        Cost.PriceOverrides? prices;
        try
        {
            options = CheckOptions.Parse(args);
            if (options.Help)
            {
                using var help = new StreamWriter(stdout, leaveOpen: true);
                help.WriteLine(CheckOptions.Usage);
                help.WriteLine();
                help.WriteLine("policies:");
                help.WriteLine(PolicyPack.Describe());
                return Passed;
            }

            pack = LoadPack(options.ConfigFile);
            prices = options.PricesFile is { } pricesFile ? Cost.PriceOverrides.Load(pricesFile) : null;
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"check: {e.Message}");
            stderr.WriteLine(CheckOptions.Usage);
            return BadInput;
        }
        catch (InputException e)
        {
            stderr.WriteLine(e.Message);
            return BadInput;
        }

        var exit = Passed;
        var checks = new List<StackCheck>(options.Files.Count);
        foreach (var file in options.Files)
        {
            StackInput input;
            try
            {
                input = StackInput.Load(file, stdin);
            }
            catch (InputException e)
            {
                stderr.WriteLine(e.Message);
                exit = BadInput;
                continue;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A defect in a reader: still one line, and not a pass. The message is the exception's, never a value.
                stderr.WriteLine($"{(file == StackInput.Stdin ? "<stdin>" : file)}: internal error while reading ({e.GetType().Name})");
                exit = BadInput;
                continue;
            }

            Evaluation evaluation;
            Report.StackNetwork network;
            try
            {
                evaluation = pack.Evaluate(input.Resources);
                network = Report.StackNetwork.Build(input.Resources, options.Workload, prices);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A defect in the pack, not in the input: one line, no stack trace, and not a pass.
                stderr.WriteLine($"{input.DisplayName}: internal error while checking ({e.GetType().Name}): {e.Message}");
                exit = BadInput;
                continue;
            }

            var check = new StackCheck(input.DisplayName, evaluation) { Network = network };
            checks.Add(check);
            if (check.Mandatory > 0)
            {
                exit = Math.Max(exit, MandatoryViolations);
            }
        }

        switch (options.Format)
        {
            case OutputFormat.Json:
                JsonReport.Write(stdout, checks);
                break;
            case OutputFormat.Sarif:
                SarifReport.Write(stdout, checks);
                break;
            case OutputFormat.Markdown:
                using (var markdown = new StreamWriter(stdout, new System.Text.UTF8Encoding(false), leaveOpen: true))
                {
                    Report.MarkdownReport.Write(markdown, checks, options.AllDestinations);
                }

                break;
            default:
                using (var text = new StreamWriter(stdout, new System.Text.UTF8Encoding(false), leaveOpen: true))
                {
                    TextReport.Write(text, checks, options.Report, options.AllDestinations);
                }

                break;
        }

        return exit;
    }

    /// <summary>The pack with a <c>--policy-pack-config</c> JSON file, or with defaults. Throws <see cref="InputException"/>.</summary>
    private static PolicyPack LoadPack(string? path)
    {
        if (path is null)
        {
            return PolicyPack.Create(null);
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InputException($"{path}: cannot read the policy config: {(e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message)}");
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new InputException($"{path}: invalid JSON in the policy config at line {(e.LineNumber ?? 0) + 1}");
        }

        if (node is not JsonObject config)
        {
            throw new InputException($"{path}: the policy config must be a JSON object of policy names to levels or settings (see docs/check.md)");
        }

        try
        {
            return PolicyPack.Create(config);
        }
        catch (PolicyConfigException e)
        {
            throw new InputException($"{path}: {e.Message}");
        }
    }
}
