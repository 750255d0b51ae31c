using System.Globalization;
using FargateNetwork.Policies.Cost;

namespace FargateNetwork.Policies.Report;

/// <summary>
/// The text cost table: per line the resource, the charge, quantity × unit price, the monthly USD and a source
/// number; the total; then the numbered sources and the notes.
/// </summary>
public static class CostTable
{
    private static readonly string[] Header = ["RESOURCE", "CHARGE", "QUANTITY", "UNIT PRICE", "USD/MONTH", "SOURCE"];

    public static void Write(TextWriter output, StackCost cost)
    {
        output.WriteLine($"Monthly network cost ({Describe(cost)}):");
        var sources = cost.Lines.Select(l => l.Source).Distinct(StringComparer.Ordinal).ToList();
        var cells = cost.Lines.Select(l => new[]
        {
            l.Name,
            l.Charge,
            Quantity(l),
            UnitPrice(l),
            l.MonthlyUsd.ToString("0.00", CultureInfo.InvariantCulture),
            $"[{sources.IndexOf(l.Source) + 1}]",
        }).Prepend(Header).Append(["TOTAL", string.Empty, string.Empty, string.Empty, cost.TotalUsd.ToString("0.00", CultureInfo.InvariantCulture), string.Empty]).ToList();
        var widths = Enumerable.Range(0, Header.Length).Select(c => cells.Max(row => row[c].Length)).ToArray();
        foreach (var row in cells)
        {
            var line = string.Concat(widths.Select((w, c) => c is 2 or 3 or 4 ? row[c].PadLeft(w) + "  " : row[c].PadRight(w + 2)));
            output.WriteLine(("  " + line).TrimEnd());
        }

        output.WriteLine("  sources:");
        for (var i = 0; i < sources.Count; i++)
        {
            output.WriteLine($"  [{i + 1}] {sources[i]}");
        }

        foreach (var note in cost.Notes)
        {
            output.WriteLine($"  note: {note}");
        }

        output.WriteLine();
    }

    /// <summary>The one-line total printed after every check.</summary>
    public static string TotalLine(StackCost cost, string file) =>
        string.Create(CultureInfo.InvariantCulture, $"Estimated network cost: {cost.TotalUsd:0.00} USD/month ({Describe(cost)}) for {file}");

    public static string Describe(StackCost cost)
    {
        var w = cost.Workload;
        var region = cost.RegionListed ? $"{cost.Region} prices" : $"{cost.Region}: no price table, us-east-1 prices";
        var tasks = w.TasksRunning is { } t ? $"{t} task(s)" : "tasks: desiredCount or 1";
        return string.Create(CultureInfo.InvariantCulture, $"{region}; {w.PullsPerDay:0.##} pulls/day of {w.ImageGiB:0.##} GiB, {w.PartnerGbPerMonth:0.##} GB/month to partners, {tasks}");
    }

    public static string Quantity(CostLine line) => string.Create(CultureInfo.InvariantCulture, $"{line.Quantity:0.##} {line.Unit}");

    public static string UnitPrice(CostLine line) => string.Create(CultureInfo.InvariantCulture, $"{line.UnitUsd:0.#####} USD");
}
