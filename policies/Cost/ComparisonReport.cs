using System.Globalization;
using System.Text.Json;
using FargateNetwork.Policies.Report;
using StackRules.Reports;

namespace FargateNetwork.Policies.Cost;

/// <summary>
/// The design comparison as text, JSON or Markdown: the scenario, then each design's cost lines (what causes it, the
/// charge, quantity, unit price, USD per month) and total, the crossovers, the price sources and the notes.
/// </summary>
public static class ComparisonReport
{
    private static readonly string[] Header = ["DESIGN", "RESOURCE", "CHARGE", "QUANTITY", "UNIT PRICE", "USD/MONTH"];

    public static string Scenario(DesignScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var w = scenario.Workload;
        return string.Create(CultureInfo.InvariantCulture, $"{scenario.Region}, {scenario.AvailabilityZones} AZ(s), {scenario.Tasks} task(s); {w.PullsPerDay:0.##} image pulls/day of {w.ImageGiB:0.##} GB, {w.PartnerGbPerMonth:0.##} GB/month to the partner {DesignScenario.PartnerCidr}");
    }

    public static void WriteText(TextWriter output, Comparison comparison)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(comparison);
        output.WriteLine($"Monthly network cost of four designs: {Scenario(comparison.Scenario)}");
        output.WriteLine();
        var rows = new List<string[]> { Header };
        foreach (var design in comparison.Designs)
        {
            var letter = $"({NetworkDesigns.Letter(design.Design)})";
            rows.AddRange(design.Cost.Lines.Select(l => new[] { letter, l.Name, l.Charge, CostTable.Quantity(l), CostTable.UnitPrice(l), Usd(l.MonthlyUsd) }));
            rows.Add([letter, "TOTAL", NetworkDesigns.Title(design.Design), string.Empty, string.Empty, Usd(design.TotalUsd)]);
        }

        var widths = Enumerable.Range(0, Header.Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            output.WriteLine(("  " + string.Concat(widths.Select((width, c) => c >= 3 ? row[c].PadLeft(width) + "  " : row[c].PadRight(width + 2)))).TrimEnd());
        }

        output.WriteLine();
        foreach (var design in comparison.Designs)
        {
            output.WriteLine($"({NetworkDesigns.Letter(design.Design)}) {NetworkDesigns.Describe(design.Design)}.");
        }

        output.WriteLine();
        foreach (var crossover in comparison.Crossovers)
        {
            output.WriteLine($"Crossover: {crossover.Describe()}.");
        }

        if (comparison.Crossovers.Count == 0)
        {
            output.WriteLine("Crossover: none; with these prices and this image size, endpoints never become cheaper than the NAT for everything.");
        }

        foreach (var note in Notes(comparison))
        {
            output.WriteLine($"note: {note}");
        }

        output.WriteLine("Prices:");
        foreach (var (item, source) in Sources(comparison))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {PriceItems.Key(item)} = {comparison.Prices.Of(item):0.#####} USD per {PriceItems.Unit(item)}: {source}"));
        }
    }

    public static void WriteMarkdown(TextWriter output, Comparison comparison, string? chart = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(comparison);
        output.WriteLine("# Monthly network cost of four designs");
        output.WriteLine();
        output.WriteLine($"Workload: {Scenario(comparison.Scenario)}.");
        output.WriteLine();
        output.WriteLine("| Design | USD/month |");
        output.WriteLine("|---|---:|");
        foreach (var design in comparison.Designs)
        {
            output.WriteLine($"| ({NetworkDesigns.Letter(design.Design)}) {NetworkDesigns.Title(design.Design)} | {Usd(design.TotalUsd)} |");
        }

        output.WriteLine();
        foreach (var crossover in comparison.Crossovers)
        {
            output.WriteLine($"- Crossover: {crossover.Describe()}.");
        }

        if (chart is not null)
        {
            output.WriteLine();
            output.WriteLine($"![Monthly cost against image pulls per day]({chart})");
        }

        foreach (var design in comparison.Designs)
        {
            output.WriteLine();
            output.WriteLine($"## ({NetworkDesigns.Letter(design.Design)}) {NetworkDesigns.Title(design.Design)}");
            output.WriteLine();
            output.WriteLine($"{char.ToUpperInvariant(NetworkDesigns.Describe(design.Design)[0])}{NetworkDesigns.Describe(design.Design)[1..]}.");
            output.WriteLine();
            output.WriteLine("| Resource | Charge | Quantity | Unit price | USD/month |");
            output.WriteLine("|---|---|---:|---:|---:|");
            foreach (var line in design.Cost.Lines)
            {
                output.WriteLine($"| `{line.Name}` | {MarkdownReport.Cell(line.Charge)} | {CostTable.Quantity(line)} | {CostTable.UnitPrice(line)} | {Usd(line.MonthlyUsd)} |");
            }

            output.WriteLine($"| **Total** | | | | **{Usd(design.TotalUsd)}** |");
            foreach (var note in design.Notes)
            {
                output.WriteLine();
                output.WriteLine($"Note: {MarkdownReport.Cell(note)}");
            }
        }

        output.WriteLine();
        output.WriteLine("## Notes");
        output.WriteLine();
        foreach (var note in comparison.Designs[0].Cost.Notes)
        {
            output.WriteLine($"- {MarkdownReport.Cell(note)}");
        }

        output.WriteLine();
        output.WriteLine("## Prices");
        output.WriteLine();
        foreach (var (item, source) in Sources(comparison))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"- `{PriceItems.Key(item)}` {comparison.Prices.Of(item):0.#####} USD per {PriceItems.Unit(item)}: {MarkdownReport.Cell(source)}"));
        }
    }

    public static void WriteJson(Stream output, Comparison comparison, string? chart = null)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        var scenario = comparison.Scenario;
        json.WriteStartObject();
        json.WriteString("region", scenario.Region);
        json.WriteBoolean("regionListed", comparison.Prices.Listed);
        json.WriteNumber("availabilityZones", scenario.AvailabilityZones);
        json.WriteNumber("tasks", scenario.Tasks);
        json.WriteNumber("pullsPerDay", scenario.Workload.PullsPerDay);
        json.WriteNumber("imageGb", scenario.Workload.ImageGiB);
        json.WriteNumber("partnerGbPerMonth", scenario.Workload.PartnerGbPerMonth);
        json.WriteStartArray("designs");
        foreach (var design in comparison.Designs)
        {
            json.WriteStartObject();
            json.WriteString("design", NetworkDesigns.Letter(design.Design));
            json.WriteString("title", NetworkDesigns.Title(design.Design));
            json.WriteString("description", NetworkDesigns.Describe(design.Design));
            json.WriteNumber("totalUsd", design.TotalUsd);
            CostJson.Lines(json, design.Cost.Lines, withResource: false);
            Strings(json, "notes", design.Notes);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("crossovers");
        foreach (var crossover in comparison.Crossovers)
        {
            json.WriteStartObject();
            json.WriteString("natDesign", NetworkDesigns.Letter(crossover.NatDesign));
            json.WriteString("endpointDesign", NetworkDesigns.Letter(crossover.EndpointDesign));
            json.WriteNumber("pullsPerDay", Math.Round(crossover.PullsPerDay, 4));
            json.WriteNumber("firstCheaperPullsPerDay", crossover.FirstCheaperPullsPerDay);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        Strings(json, "notes", comparison.Designs[0].Cost.Notes);
        if (chart is not null)
        {
            json.WriteString("chart", chart);
        }

        json.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static IEnumerable<string> Notes(Comparison comparison) =>
        comparison.Designs.SelectMany(d => d.Notes.Select(n => $"({NetworkDesigns.Letter(d.Design)}) {n}")).Concat(comparison.Designs[0].Cost.Notes);

    /// <summary>The price items the comparison's lines use, with their sources.</summary>
    private static IEnumerable<(PriceItem Item, string Source)> Sources(Comparison comparison) =>
        comparison.Designs.SelectMany(d => d.Cost.Lines).Select(l => l.Item).Distinct().Order().Select(i => (i, comparison.Prices.SourceOf(i)));

    private static string Usd(decimal usd) => usd.ToString("0.00", CultureInfo.InvariantCulture);
}
