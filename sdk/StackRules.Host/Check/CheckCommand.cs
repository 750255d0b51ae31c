using StackRules.Inputs;
using StackRules.Reports;

namespace StackRules.Host.Check;

/// <summary>
/// <c>check</c>: reads each input as a stack, runs every enabled policy on it, prints the results in the chosen format.
/// Exit code: the worst outcome over all inputs: 2 bad usage, config or input, else 1 at least one mandatory
/// violation, else 0. A bad input does not stop the others: every good input is still checked and reported.
/// Errors go to stderr as one line each; results (and <c>--help</c>, <c>--version</c>) go to stdout.
/// </summary>
internal static class CheckCommand
{
    public const int Passed = 0;
    public const int MandatoryViolations = 1;
    public const int BadInput = 2;

    /// <summary>What <c>--version</c> prints: the pack's name and version, as the analyzer reports them to Pulumi.</summary>
    public static string VersionLine(PolicyPack pack) => $"{pack.Name} {pack.Version}";

    public static int Run(PolicyPack pack, IReadOnlyList<string> args, TextReader stdin, Stream stdout, TextWriter stderr)
    {
        try
        {
            return RunChecks(pack, args, stdin, stdout, stderr);
        }
        catch (Exception e)
        {
            // The boundary: whatever a defect lets through is still one line and exit 2, never a stack trace.
            stderr.WriteLine($"check: internal error ({e.GetType().Name}); the input was not checked");
            return BadInput;
        }
    }

    private static int RunChecks(PolicyPack pack, IReadOnlyList<string> args, TextReader stdin, Stream stdout, TextWriter stderr)
    {
        CheckOptions options;
        ConfiguredPack configured;
        try
        {
            options = CheckOptions.Parse(args, pack);
            if (options.Help)
            {
                using var help = new StreamWriter(stdout, leaveOpen: true);
                help.WriteLine(CheckOptions.Usage(pack));
                help.WriteLine();
                help.WriteLine("policies:");
                help.WriteLine(Describe(pack));
                return Passed;
            }

            if (options.Version)
            {
                using var version = new StreamWriter(stdout, leaveOpen: true);
                version.WriteLine(VersionLine(pack));
                return Passed;
            }

            pack.Report?.Validate(options.PackOptions);
            configured = Configure(pack, options.ConfigFile);
        }
        catch (Exception e) when (e is UsageException or ReportOptionException)
        {
            stderr.WriteLine($"check: {e.Message}");
            stderr.WriteLine(CheckOptions.Usage(pack));
            return BadInput;
        }
        catch (InputException e)
        {
            stderr.WriteLine(e.Message);
            return BadInput;
        }

        var references = new DependencyReferences(pack.ReferenceKeys);
        var exit = Passed;
        var checks = new List<StackCheck>(options.Files.Count);
        foreach (var file in options.Files)
        {
            StackInput input;
            try
            {
                input = StackInput.Load(file, stdin, references);
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

            StackCheck check;
            try
            {
                var evaluation = configured.Evaluate(input.Resources);
                check = new StackCheck(input.DisplayName, evaluation.Violations) { Data = pack.Report?.Build(evaluation, options.PackOptions) };
            }
            catch (ReportOptionException e)
            {
                stderr.WriteLine($"check: {e.Message}");
                return BadInput;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A defect in the pack, not in the input: one line, no stack trace, and not a pass.
                stderr.WriteLine($"{input.DisplayName}: internal error while checking ({e.GetType().Name}): {e.Message}");
                exit = Math.Max(exit, BadInput);
                continue;
            }

            checks.Add(check);
            if (check.Mandatory > 0)
            {
                exit = Math.Max(exit, MandatoryViolations);
            }
        }

        switch (options.Format)
        {
            case OutputFormat.Json:
                JsonReport.Write(stdout, checks, pack.Report, options.PackOptions);
                break;
            case OutputFormat.Sarif:
                SarifReport.Write(stdout, checks, pack, options.PackOptions);
                break;
            case OutputFormat.Markdown:
                using (var markdown = new StreamWriter(stdout, new System.Text.UTF8Encoding(false), leaveOpen: true))
                {
                    MarkdownReport.Write(markdown, checks, pack.Report, options.PackOptions);
                }

                break;
            default:
                using (var text = new StreamWriter(stdout, new System.Text.UTF8Encoding(false), leaveOpen: true))
                {
                    TextReport.Write(text, checks, pack.Report, options.PackOptions);
                }

                break;
        }

        return exit;
    }

    /// <summary>The pack's policies as a readable list (for help texts).</summary>
    public static string Describe(PolicyPack pack) =>
        string.Join(Environment.NewLine, pack.Policies.Select(p => $"{p.Name} [{p.EnforcementLevel.Text()}]: {p.Description}"));

    /// <summary>The pack with a <c>--policy-pack-config</c> JSON file, or with defaults. Throws <see cref="InputException"/>.</summary>
    private static ConfiguredPack Configure(PolicyPack pack, string? path)
    {
        if (path is null)
        {
            return pack.Defaults();
        }

        var config = PolicyConfigFile.Read(path);
        try
        {
            return pack.Configure(config);
        }
        catch (PolicyConfigException e)
        {
            throw new InputException($"{path}: {e.Message}");
        }
    }
}
