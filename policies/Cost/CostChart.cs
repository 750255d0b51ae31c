using System.Globalization;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace FargateNetwork.Policies.Cost;

/// <summary>
/// The comparison's chart: monthly cost (y) against image pulls per day (x) for designs (a) to (d), each point a bill
/// of <see cref="DesignComparison"/>, with a vertical line at each crossover where endpoints become cheaper than the
/// NAT. Drawn with OxyPlot and written by its SVG exporter (managed code only; text measured with the PDF font metrics
/// built into OxyPlot.Core), so the output is the same on every machine.
/// </summary>
public static class CostChart
{
    public const double Width = 900;
    public const double Height = 640;

    /// <summary>Points per curve: the bills are linear in pulls, so the curves are straight; the points show where they were priced.</summary>
    public const int Samples = 21;

    private static readonly double[] RoundSteps = [1, 2, 5, 10];

    /// <summary>Each design's line colour, also how a test finds its curve in the SVG.</summary>
    public static string Colour(NetworkDesign design) => design switch
    {
        NetworkDesign.PrivateNatForEverything => "#d62728",
        NetworkDesign.PublicTasksPartnerNat => "#1f77b4",
        NetworkDesign.PrivateEndpointsPartnerNat => "#2ca02c",
        NetworkDesign.PrivateEndpointsNoNat => "#9467bd",
        _ => throw new ArgumentOutOfRangeException(nameof(design)),
    };

    /// <summary>The largest pulls per day on the x axis: past twice the last crossover and the scenario's pulls, rounded up to 1, 2 or 5 × 10ⁿ.</summary>
    public static double AxisMaximum(Comparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var wanted = Math.Max(10, Math.Max(2 * comparison.Scenario.Workload.PullsPerDay, comparison.Crossovers.Select(c => 2 * c.PullsPerDay).DefaultIfEmpty(0).Max()));
        var power = Math.Pow(10, Math.Floor(Math.Log10(wanted)));
        return RoundSteps.Select(m => m * power).First(v => v >= wanted);
    }

    /// <summary>The chart as an SVG document.</summary>
    public static string Svg(DesignComparison model, Comparison comparison)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(comparison);
        var plot = Plot(model, comparison);
        return SvgExporter.ExportToString(plot, Width, Height, isDocument: true, new ChartTextMeasurer());
    }

    private static PlotModel Plot(DesignComparison model, Comparison comparison)
    {
        var scenario = comparison.Scenario;
        var w = scenario.Workload;
        var maximum = AxisMaximum(comparison);
        var plot = new PlotModel
        {
            Title = "Monthly network cost against image pulls per day",
            Subtitle = string.Create(CultureInfo.InvariantCulture, $"{scenario.Region}{(comparison.Prices.Listed ? string.Empty : " (us-east-1 prices)")}, {scenario.AvailabilityZones} AZs, {scenario.Tasks} tasks, {w.ImageGiB:0.##} GB image, {w.PartnerGbPerMonth:0.##} GB/month to the partner"),
            Background = OxyColors.White,
            DefaultFont = "Helvetica",
            TitleFontSize = 16,
            PlotAreaBorderColor = OxyColor.Parse("#999999"),
        };
        plot.Legends.Add(new Legend { LegendPosition = LegendPosition.BottomLeft, LegendPlacement = LegendPlacement.Outside, LegendOrientation = LegendOrientation.Vertical, LegendBorder = OxyColors.Undefined, LegendFont = "Helvetica", LegendFontSize = 12, LegendLineSpacing = 6, LegendMaxWidth = Width - 100 });
        plot.Axes.Add(new LinearAxis { Position = AxisPosition.Bottom, Title = "Image pulls per day", Minimum = 0, Maximum = maximum, MajorGridlineStyle = LineStyle.Dot, MajorGridlineColor = OxyColor.Parse("#dddddd") });
        plot.Axes.Add(new LinearAxis { Position = AxisPosition.Left, Title = "USD per month", Minimum = 0, MajorGridlineStyle = LineStyle.Dot, MajorGridlineColor = OxyColor.Parse("#dddddd"), StringFormat = "0" });
        foreach (var design in NetworkDesigns.All)
        {
            var series = new LineSeries
            {
                Title = $"({NetworkDesigns.Letter(design)}) {NetworkDesigns.Title(design)}",
                Color = OxyColor.Parse(Colour(design)),
                StrokeThickness = 2,
                MarkerType = MarkerType.None,
            };
            for (var i = 0; i < Samples; i++)
            {
                var pulls = maximum * i / (Samples - 1);
                series.Points.Add(new DataPoint(pulls, (double)DesignComparison.ExactUsd(model.Bill(design, pulls))));
            }

            plot.Series.Add(series);
        }

        foreach (var crossover in comparison.Crossovers.Where(c => c.PullsPerDay > 0 && c.PullsPerDay <= maximum))
        {
            var usd = (double)DesignComparison.ExactUsd(model.Bill(crossover.NatDesign, crossover.PullsPerDay));
            plot.Annotations.Add(new LineAnnotation
            {
                Type = LineAnnotationType.Vertical,
                X = crossover.PullsPerDay,
                Color = OxyColor.Parse(Colour(crossover.EndpointDesign)),
                LineStyle = LineStyle.Dash,
                StrokeThickness = 1,
                Text = string.Create(CultureInfo.InvariantCulture, $"({NetworkDesigns.Letter(crossover.EndpointDesign)}) cheaper than ({NetworkDesigns.Letter(crossover.NatDesign)}) from {crossover.FirstCheaperPullsPerDay} pulls/day"),
                TextColor = OxyColor.Parse(Colour(crossover.EndpointDesign)),
                TextOrientation = AnnotationTextOrientation.Vertical,
            });
            plot.Annotations.Add(new PointAnnotation { X = crossover.PullsPerDay, Y = usd, Size = 4, Fill = OxyColor.Parse(Colour(crossover.EndpointDesign)) });
        }

        return plot;
    }
}
