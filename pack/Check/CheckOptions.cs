using FargateNetwork.Policies.Report;

namespace FargateNetwork.Pack.Check;

/// <summary>The options of <c>check</c>.</summary>
/// <param name="Format">Output format; default text.</param>
/// <param name="ConfigFile">A policy config in the shape of Pulumi's <c>--policy-pack-config</c>; default none (each policy at its default level).</param>
/// <param name="Report">Print the reachability table per task subnet (text format); default false.</param>
/// <param name="Files">The inputs, each a stack checked on its own; <c>-</c> is standard input.</param>
/// <param name="Help">Print the usage and exit 0.</param>
/// <param name="Version">Print the pack name and version and exit 0.</param>
public sealed record CheckOptions(OutputFormat Format, string? ConfigFile, bool Report, IReadOnlyList<string> Files, bool Help = false, bool Version = false)
{
    /// <summary><c>--prices FILE</c>: unit prices overriding the Region's (see <see cref="Policies.Cost.PriceOverrides"/>).</summary>
    public string? PricesFile { get; init; }

    /// <summary>The workload the cost lines assume (<c>--pulls-per-day</c>, <c>--image-gib</c>, <c>--partner-gb</c>, <c>--tasks</c>, <c>--served-gb</c>).</summary>
    public Policies.Cost.Workload Workload { get; init; } = Policies.Cost.Workload.Default;

    /// <summary><c>--all-destinations</c>: also list the destinations the tasks do not need (folded by default).</summary>
    public bool AllDestinations { get; init; }

    public const string Usage =
        "usage: pulumi-analyzer-policy-fargate-network check [--format text|json|sarif|markdown] [--config FILE] [--report] FILE...\n" +
        "         [--all-destinations] [--prices FILE] [--pulls-per-day N] [--image-gib N] [--partner-gb N] [--tasks N] [--served-gb N]\n" +
        "       pulumi-analyzer-policy-fargate-network check --help | --version\n" +
        "  FILE    a Pulumi YAML/JSON template, a `pulumi stack export` file or `pulumi preview --json` output; - for stdin;\n" +
        "          each file is checked and reported on its own\n" +
        "  exit    the worst over all files: 2 a bad file, config or usage, else 1 a mandatory violation, else 0";

    /// <summary>
    /// Parses the arguments after <c>check</c>. <c>-h</c>/<c>--help</c>, then <c>--version</c>, anywhere before
    /// <c>--</c> win over everything else, even a mistake elsewhere on the line. Throws <see cref="UsageException"/>.
    /// </summary>
    public static CheckOptions Parse(IReadOnlyList<string> args)
    {
        var flags = args.TakeWhile(a => a != "--").ToList();
        if (flags.Exists(a => a is "-h" or "--help"))
        {
            return new CheckOptions(OutputFormat.Text, null, false, [], Help: true);
        }

        if (flags.Contains("--version"))
        {
            return new CheckOptions(OutputFormat.Text, null, false, [], Version: true);
        }

        var format = OutputFormat.Text;
        string? config = null;
        var report = false;
        var files = new List<string>();
        var extra = new CheckOptions(format, config, report, files);
        var optionsEnded = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (optionsEnded || arg == "-" || !arg.StartsWith('-'))
            {
                files.Add(arg);
                continue;
            }

            var (name, inline) = arg.IndexOf('=', StringComparison.Ordinal) is > 0 and var eq ? (arg[..eq], arg[(eq + 1)..]) : (arg, null);
            switch (name)
            {
                case "--":
                    optionsEnded = true;
                    break;
                case "--report":
                    report = true;
                    break;
                case "--format" or "-f":
                    var value = inline ?? Next(args, ref i, name);
                    format = value switch
                    {
                        "text" => OutputFormat.Text,
                        "json" => OutputFormat.Json,
                        "sarif" => OutputFormat.Sarif,
                        "markdown" or "md" => OutputFormat.Markdown,
                        _ => throw new UsageException($"--format {value}: expected text, json, sarif or markdown"),
                    };
                    break;
                case "--config" or "-c":
                    config = inline ?? Next(args, ref i, name);
                    break;
                case "--all-destinations":
                    extra = extra with { AllDestinations = true };
                    break;
                case "--prices":
                    extra = extra with { PricesFile = inline ?? Next(args, ref i, name) };
                    break;
                case "--pulls-per-day":
                    extra = extra with { Workload = extra.Workload with { PullsPerDay = Amount(inline ?? Next(args, ref i, name), name) } };
                    break;
                case "--image-gib":
                    extra = extra with { Workload = extra.Workload with { ImageGiB = Amount(inline ?? Next(args, ref i, name), name) } };
                    break;
                case "--partner-gb":
                    extra = extra with { Workload = extra.Workload with { PartnerGbPerMonth = Amount(inline ?? Next(args, ref i, name), name) } };
                    break;
                case "--served-gb":
                    extra = extra with { Workload = extra.Workload with { ServedGbPerMonth = Amount(inline ?? Next(args, ref i, name), name) } };
                    break;
                case "--tasks":
                    var tasks = Amount(inline ?? Next(args, ref i, name), name);
                    extra = extra with { Workload = extra.Workload with { TasksRunning = tasks == Math.Floor(tasks) && tasks <= 100000 ? (int)tasks : throw new UsageException($"{name} {tasks}: expected a whole number of tasks") } };
                    break;
                default:
                    throw new UsageException($"unknown option {name}");
            }
        }

        if (files.Count == 0)
        {
            throw new UsageException("no input: give a template, stack export or preview JSON file (- for stdin)");
        }

        if (files.Count(f => f == "-") > 1)
        {
            throw new UsageException("standard input (-) can be read once only");
        }

        return extra with { Format = format, ConfigFile = config, Report = report, Files = files };
    }

    private static double Amount(string text, string name) =>
        double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= 0 && double.IsFinite(value)
            ? value
            : throw new UsageException($"{name} {text}: expected a number, 0 or more");

    private static string Next(IReadOnlyList<string> args, ref int i, string name) =>
        ++i < args.Count ? args[i] : throw new UsageException($"{name} needs a value");
}
