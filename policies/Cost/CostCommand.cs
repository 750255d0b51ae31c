using System.Text;
using StackRules.Inputs;

namespace FargateNetwork.Policies.Cost;

/// <summary>
/// <c>cost</c>: the design comparison of issue 12 for one workload (<see cref="CostOptions.Usage"/>): each design's
/// cost lines and total, the crossovers, and with <c>--chart FILE.svg</c> the chart of cost against pulls per day.
/// Exit 0; 2 for bad usage, a bad price file or a chart that cannot be written, with one line on stderr and nothing
/// on stdout.
/// </summary>
public static class CostCommand
{
    public const int Done = 0;
    public const int BadUsage = 2;

    public static int Run(IReadOnlyList<string> args, Stream stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            return Compare(args, stdout, stderr);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The boundary: whatever a defect lets through is still one line and exit 2, never a stack trace.
            stderr.WriteLine($"cost: internal error ({e.GetType().Name})");
            return BadUsage;
        }
    }

    private static int Compare(IReadOnlyList<string> args, Stream stdout, TextWriter stderr)
    {
        CostOptions options;
        PriceOverrides? overrides;
        try
        {
            options = CostOptions.Parse(args);
            overrides = options.PricesFile is { } file ? PriceOverrides.Load(file) : null;
        }
        catch (FormatException e)
        {
            stderr.WriteLine($"cost: {e.Message} (see cost --help)");
            return BadUsage;
        }
        catch (InputException e)
        {
            stderr.WriteLine($"cost: {e.Message}");
            return BadUsage;
        }

        var utf8 = new UTF8Encoding(false);
        if (options.Help)
        {
            using var help = new StreamWriter(stdout, utf8, leaveOpen: true);
            help.WriteLine(CostOptions.Usage);
            return Done;
        }

        var model = new DesignComparison(options.Scenario, overrides);
        var comparison = model.Compare();
        if (options.ChartFile is { } chart)
        {
            try
            {
                File.WriteAllText(chart, CostChart.Svg(model, comparison), utf8);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                stderr.WriteLine($"cost: --chart {chart}: cannot write the chart: {(e is DirectoryNotFoundException ? "no such directory" : e.Message)}");
                return BadUsage;
            }
        }

        switch (options.Format)
        {
            case CostFormat.Json:
                ComparisonReport.WriteJson(stdout, comparison, options.ChartFile);
                break;
            case CostFormat.Markdown:
                using (var markdown = new StreamWriter(stdout, utf8, leaveOpen: true))
                {
                    // The Markdown shows the chart by its file name: write the two into one folder (docs/ does).
                    ComparisonReport.WriteMarkdown(markdown, comparison, options.ChartFile is { } file ? Path.GetFileName(file) : null);
                }

                break;
            default:
                using (var text = new StreamWriter(stdout, utf8, leaveOpen: true))
                {
                    ComparisonReport.WriteText(text, comparison);
                }

                break;
        }

        return Done;
    }
}
