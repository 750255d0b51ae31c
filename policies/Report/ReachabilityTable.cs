using System.Globalization;
using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Pack;

namespace FargateNetwork.Policies.Report;

/// <summary>
/// The <c>--report</c> table: per task subnet (subnets equal but for their own AZ merged), each destination with
/// whether the tasks need it, its path, the path's monthly cost, and the detail (what the path goes through, or why
/// there is none). Destinations the tasks do not need are folded into one line unless <c>--all-destinations</c>.
/// </summary>
public static class ReachabilityTable
{
    private static readonly string[] Header = ["DESTINATION", "NEEDED", "PATH", "COST/MONTH", "DETAIL"];

    public static void Write(TextWriter output, IReadOnlyList<ReachabilityRow> rows, StackNetwork? network = null, bool allDestinations = false)
    {
        if (rows.Count == 0)
        {
            output.WriteLine("No task subnets: no reachability to report.");
            output.WriteLine();
            return;
        }

        foreach (var group in SubnetGroup.Of(rows, network))
        {
            output.WriteLine($"Reachability from {group.Title}:");
            var shown = group.Rows.Where(r => allDestinations || r.Needed).ToList();
            var cells = shown.Select(r => new[]
            {
                r.Destination,
                r.Needed ? "yes" : "no",
                r.Path,
                Usd(r.MonthlyUsd),
                r.Detail,
            }).Prepend(Header).ToList();
            var widths = Enumerable.Range(0, Header.Length - 1).Select(c => cells.Max(row => row[c].Length)).ToArray();
            foreach (var row in cells)
            {
                var line = string.Concat(widths.Select((w, c) => row[c].PadRight(w + 2)));
                output.WriteLine(("  " + line + row[^1]).TrimEnd());
            }

            var folded = group.Rows.Where(r => !allDestinations && !r.Needed).Select(r => $"{r.Destination} ({r.Path})").ToList();
            if (folded.Count > 0)
            {
                output.WriteLine($"  not needed by the tasks, folded (--all-destinations lists them): {string.Join(", ", folded)}");
            }

            output.WriteLine();
        }
    }

    public static string Usd(decimal? usd) => usd is { } value ? value.ToString("0.00 'USD'", CultureInfo.InvariantCulture) : "-";
}
