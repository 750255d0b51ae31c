using System.Globalization;
using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Inputs;
using FargateNetwork.Policies.Pack;

namespace FargateNetwork.Policies.Report;

/// <summary>
/// The <c>--report</c> table: per task subnet, each destination with its path, the resource it goes through, the
/// estimated monthly image-pull cost where it applies, and the detail (or the reason there is no path).
/// </summary>
public static class ReachabilityTable
{
    private static readonly string[] Header = ["DESTINATION", "PATH", "VIA", "COST/MONTH", "DETAIL"];

    public static void Write(TextWriter output, IReadOnlyList<ReachabilityRow> rows)
    {
        if (rows.Count == 0)
        {
            output.WriteLine("No task subnets: no reachability to report.");
            output.WriteLine();
            return;
        }

        foreach (var subnet in rows.GroupBy(r => r.Subnet))
        {
            var first = subnet.First();
            output.WriteLine(first.AvailabilityZone is { } az ? $"Reachability from {first.SubnetName} ({az}):" : $"Reachability from {first.SubnetName}:");
            var cells = subnet.Select(r => new[]
            {
                r.Destination,
                r.Path,
                r.Via is null ? "-" : StateResource.NameOf(r.Via),
                r.MonthlyCostUsd is { } cost ? cost.ToString("0.00 'USD'", CultureInfo.InvariantCulture) : "-",
                r.Detail,
            }).Prepend(Header).ToList();
            var widths = Enumerable.Range(0, Header.Length - 1).Select(c => cells.Max(row => row[c].Length)).ToArray();
            foreach (var row in cells)
            {
                var line = string.Concat(widths.Select((w, c) => row[c].PadRight(w + 2)));
                output.WriteLine(("  " + line + row[^1]).TrimEnd());
            }

            output.WriteLine();
        }
    }
}
