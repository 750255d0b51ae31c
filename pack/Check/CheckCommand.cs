using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Cost;
using FargateNetwork.Policies.Inputs;
using FargateNetwork.Policies.Pack;
using FargateNetwork.Policies.Report;

namespace FargateNetwork.Pack.Check;

/// <summary>
/// <c>check</c>: reads each input as a stack, runs every enabled policy on it, prints the results in the chosen format.
/// Exit code: the worst outcome over all inputs: 2 bad usage, config or input, else 1 at least one mandatory
/// violation, else 0. A bad input does not stop the others: every good input is still checked and reported.
/// Errors go to stderr as one line each; results (and <c>--help</c>, <c>--version</c>) go to stdout.
/// </summary>
public static class CheckCommand
{
    public const int Passed = 0;
    public const int MandatoryViolations = 1;
    public const int BadInput = 2;

    /// <summary>What <c>--version</c> prints: the pack's name and version, as the analyzer reports them to Pulumi and
    /// as <c>PulumiPolicy.yaml</c> states them (a test keeps the two equal).</summary>
    public const string VersionLine = PolicyPack.PackName + " " + PolicyPack.PackVersion;

    public static int Run(IReadOnlyList<string> args, TextReader stdin, Stream stdout, TextWriter stderr)
    {
        try
        {
            return RunChecks(args, stdin, stdout, stderr);
        }
        catch (Exception e)
        {
            // The boundary: whatever a defect lets through is still one line and exit 2, never a stack trace.
            stderr.WriteLine($"check: internal error ({e.GetType().Name}); the input was not checked");
            return BadInput;
        }
    }

    private static int RunChecks(IReadOnlyList<string> args, TextReader stdin, Stream stdout, TextWriter stderr)
    {
        CheckOptions options;
        PolicyPack pack;
        PriceOverrides? prices;
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

            if (options.Version)
            {
                using var version = new StreamWriter(stdout, leaveOpen: true);
                version.WriteLine(VersionLine);
                return Passed;
            }

            pack = LoadPack(options.ConfigFile);
            prices = options.PricesFile is { } pricesFile ? PriceOverrides.Load(pricesFile) : null;
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
                exit = Math.Max(exit, BadInput);
                continue;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A defect in a reader: still one line, and not a pass. The message is the exception's, never a value.
                stderr.WriteLine($"{(file == StackInput.Stdin ? "<stdin>" : file)}: internal error while reading ({e.GetType().Name})");
                exit = Math.Max(exit, BadInput);
                continue;
            }

            Evaluation evaluation;
            StackNetwork network;
            try
            {
                evaluation = pack.Evaluate(input.Resources);
                network = StackNetwork.Build(input.Resources, options.Workload, prices);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A defect in the pack, not in the input: one line, no stack trace, and not a pass.
                stderr.WriteLine($"{input.DisplayName}: internal error while checking ({e.GetType().Name}): {e.Message}");
                exit = Math.Max(exit, BadInput);
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
                    MarkdownReport.Write(markdown, checks, options.AllDestinations);
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

        var config = PolicyConfigFile.Read(path);
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
