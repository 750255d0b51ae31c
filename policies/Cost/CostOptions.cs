using System.Globalization;
using System.Text.RegularExpressions;

namespace FargateNetwork.Policies.Cost;

/// <summary>The output formats of the <c>cost</c> command.</summary>
public enum CostFormat
{
    Text,
    Json,
    Markdown,
}

/// <summary>
/// The options of <c>cost</c> (<see cref="CostCommand"/>): the scenario, the price file, the format and the chart
/// file. <see cref="Parse"/> throws <see cref="FormatException"/> with one line naming the option.
/// </summary>
public sealed partial record CostOptions(DesignScenario Scenario, string? PricesFile, CostFormat Format, string? ChartFile, bool Help)
{
    public const string Usage =
        "usage: pulumi-analyzer-policy-fargate-network cost [--region R] [--pulls-per-day N] [--image-gb X] [--partner-gb Y]\n" +
        "          [--tasks N] [--azs N] [--prices FILE] [--format text|json|markdown] [--chart FILE.svg]\n" +
        "       the monthly network cost of four designs for one workload: (a) private subnets with a NAT for everything,\n" +
        "       (b) public task subnets with a NAT for the partner only, (c) private subnets with endpoints and a NAT for the\n" +
        "       partner only, (d) private subnets with endpoints and no NAT; and the pulls per day at which endpoints become\n" +
        "       cheaper than the NAT. Defaults: us-east-1, 100 pulls/day, 0.5 GB image, 10 GB/month to the partner, 3 tasks,\n" +
        "       3 AZs. --chart writes an SVG chart of cost against pulls per day.";

    private const double MaxPullsPerDay = 10_000_000;
    private const double MaxGb = 1_000_000_000;
    private const int MaxTasks = 100_000;

    public static CostOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var d = DesignScenario.Default;
        var region = d.Region;
        var workload = d.Workload;
        var (azs, tasks) = (d.AvailabilityZones, d.Tasks);
        string? prices = null, chart = null;
        var format = CostFormat.Text;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h")
            {
                return new CostOptions(d, null, format, null, Help: true);
            }

            var equals = arg.StartsWith("--", StringComparison.Ordinal) ? arg.IndexOf('=', StringComparison.Ordinal) : -1;
            var name = equals > 0 ? arg[..equals] : arg;
            string Value() => equals > 0 ? arg[(equals + 1)..] : ++i < args.Count ? args[i] : throw new FormatException($"{name} needs a value");
            switch (name)
            {
                case "--region":
                    region = Value();
                    if (!RegionName().IsMatch(region))
                    {
                        throw new FormatException($"--region: \"{Shown(region)}\" is not an AWS Region name such as us-east-1");
                    }

                    break;
                case "--pulls-per-day":
                    workload = workload with { PullsPerDay = Number(name, Value(), MaxPullsPerDay) };
                    break;
                case "--image-gb":
                    workload = workload with { ImageGiB = Number(name, Value(), MaxGb) };
                    break;
                case "--partner-gb":
                    workload = workload with { PartnerGbPerMonth = Number(name, Value(), MaxGb) };
                    break;
                case "--tasks":
                    tasks = Whole(name, Value(), 0, MaxTasks);
                    break;
                case "--azs":
                    azs = Whole(name, Value(), 1, DesignScenario.MaxAvailabilityZones);
                    break;
                case "--prices":
                    prices = Value();
                    break;
                case "--chart":
                    chart = Value();
                    if (chart.Length == 0)
                    {
                        throw new FormatException("--chart needs a file name");
                    }

                    break;
                case "--format":
                    var text = Value();
                    format = text switch
                    {
                        "text" => CostFormat.Text,
                        "json" => CostFormat.Json,
                        "markdown" => CostFormat.Markdown,
                        _ => throw new FormatException($"--format: \"{Shown(text)}\" is not one of text, json, markdown"),
                    };
                    break;
                default:
                    throw new FormatException(arg.StartsWith('-') ? $"unknown option {Shown(name)}" : $"unexpected argument \"{Shown(arg)}\" (cost takes options only)");
            }
        }

        var scenario = new DesignScenario(region, azs, tasks, workload with { TasksRunning = tasks });
        return new CostOptions(scenario, prices, format, chart, Help: false);
    }

    private static double Number(string name, string text, double maximum) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value >= 0 && value <= maximum
            ? value
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{name}: \"{Shown(text)}\" is not a number from 0 to {maximum:0}"));

    private static int Whole(string name, string text, int minimum, int maximum) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum
            ? value
            : throw new FormatException($"{name}: \"{Shown(text)}\" is not a whole number from {minimum} to {maximum}");

    /// <summary>An argument as an error message shows it: one line, at most 40 characters.</summary>
    private static string Shown(string text)
    {
        var line = new string([.. text.Select(c => char.IsControl(c) ? '?' : c)]);
        return line.Length <= 40 ? line : line[..40] + "...";
    }

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionName();
}
