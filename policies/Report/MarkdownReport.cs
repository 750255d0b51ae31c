using System.Globalization;
using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Pack;

namespace FargateNetwork.Policies.Report;

/// <summary>
/// The markdown format, for a pull-request comment or docs: per input a heading, a Mermaid diagram per VPC, the
/// violations with their fixes, the reachability of each task subnet, then the monthly cost table and its total.
/// </summary>
public static class MarkdownReport
{
    public static void Write(TextWriter output, IReadOnlyList<StackCheck> checks, bool allDestinations)
    {
        foreach (var check in checks)
        {
            output.WriteLine($"## Network report: `{Cell(check.File)}`");
            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{check.Mandatory} mandatory, {check.Advisory} advisory violation(s)."));
            output.WriteLine();
            if (check.Network is { } network)
            {
                foreach (var vpc in network.Model.Vpcs)
                {
                    output.WriteLine($"### VPC {Cell(vpc.Resource.Name)}");
                    output.WriteLine();
                    output.WriteLine("```mermaid");
                    output.Write(MermaidDiagram.Of(vpc, network, check.Evaluation.Reachability));
                    output.WriteLine("```");
                    output.WriteLine();
                }
            }

            Violations(output, check);
            Reachability(output, check, allDestinations);
            if (check.Network is { } stack)
            {
                Costs(output, stack);
            }
        }
    }

    private static void Violations(TextWriter output, StackCheck check)
    {
        output.WriteLine("### Violations");
        output.WriteLine();
        if (check.Evaluation.Violations.Count == 0)
        {
            output.WriteLine("None.");
            output.WriteLine();
            return;
        }

        output.WriteLine("| Level | Resource | Policy | Finding and fix |");
        output.WriteLine("|---|---|---|---|");
        foreach (var v in check.Evaluation.Violations.OrderByDescending(v => v.Level == EnforcementLevel.Mandatory))
        {
            output.WriteLine($"| {TextReport.Level(v.Level)} | `{Cell(v.Name)}` ({Cell(v.Type)}) | `{v.Policy}` | {Cell(v.Message)} |");
        }

        output.WriteLine();
    }

    private static void Reachability(TextWriter output, StackCheck check, bool allDestinations)
    {
        output.WriteLine("### Reachability");
        output.WriteLine();
        foreach (var group in SubnetGroup.Of(check.Evaluation.Reachability, check.Network))
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

    private static void Costs(TextWriter output, StackNetwork network)
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

    /// <summary>Text in a table cell: pipes escaped, angle brackets as entities, one line.</summary>
    public static string Cell(string text) => text
        .Replace("|", "\\|", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\n", " ", StringComparison.Ordinal);
}
