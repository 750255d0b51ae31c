using System.Globalization;
using static StackRules.Reports.MarkdownReport;

namespace FargateNetwork.Policies.Report;

/// <summary>The network sections of the Markdown report: the reachability of each task subnet, the monthly cost table.</summary>
public static class NetworkMarkdown
{
    public static void Reachability(TextWriter output, NetworkReportData data, bool allDestinations)
    {
        output.WriteLine("### Reachability");
        output.WriteLine();
        foreach (var group in SubnetGroup.Of(data.Rows, data.Network))
        {
            output.WriteLine($"From {Cell(group.Title)}:");
            output.WriteLine();
            output.WriteLine("| Destination | Needed | Path | Cost/month | Detail |");
            output.WriteLine("|---|---|---|---:|---|");
            foreach (var row in group.Rows.Where(r => allDestinations || r.Needed))
            {
                output.WriteLine($"| {Cell(row.Destination)} | {(row.Needed ? "yes" : "no")} | {row.Path} | {ReachabilityTable.Usd(row.MonthlyUsd)} | {Cell(row.Detail)} |");
            }

            var folded = group.Rows.Where(r => !allDestinations && !r.Needed).Select(r => $"{r.Destination} ({r.Path})").ToList();
            output.WriteLine();
            if (folded.Count > 0)
            {
                output.WriteLine($"<details><summary>Not needed by the tasks: {folded.Count} destination(s)</summary>{Cell(string.Join(", ", folded))}</details>");
                output.WriteLine();
            }
        }
    }

    public static void Costs(TextWriter output, StackNetwork network)
    {
        var cost = network.Cost;
        output.WriteLine("### Monthly cost");
        output.WriteLine();
        output.WriteLine(Cell(CostTable.Describe(cost)) + ".");
        output.WriteLine();
        output.WriteLine("| Resource | Charge | Quantity | Unit price | USD/month | Source |");
        output.WriteLine("|---|---|---:|---:|---:|---|");
        foreach (var line in cost.Lines)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| `{Cell(line.Name)}` | {Cell(line.Charge)} | {CostTable.Quantity(line)} | {CostTable.UnitPrice(line)} | {line.MonthlyUsd:0.00} | {Cell(line.Source)} |"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| **Total** | | | | **{cost.TotalUsd:0.00}** | |"));
        output.WriteLine();
        foreach (var note in cost.Notes)
        {
            output.WriteLine($"- {Cell(note)}");
        }

        output.WriteLine();
    }
}
