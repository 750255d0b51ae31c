using System.Globalization;
using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Pack;

namespace FargateNetwork.Policies.Report;

/// <summary>
/// The text format: per input, violations grouped by resource (<c>name (type)</c>), one line each
/// (<c>[mandatory] policy: message</c>), then with <c>--report</c> the reachability table of each task subnet and the
/// cost table, then the estimated monthly network cost, then a summary line.
/// </summary>
public static class TextReport
{
    public static void Write(TextWriter output, IReadOnlyList<StackCheck> checks, bool report, bool allDestinations = false)
    {
        foreach (var check in checks)
        {
            foreach (var resource in check.Evaluation.Violations.GroupBy(v => v.Urn))
            {
                var first = resource.First();
                output.WriteLine($"{first.Name} ({first.Type})");
                foreach (var violation in resource.OrderByDescending(v => v.Level == EnforcementLevel.Mandatory))
                {
                    output.WriteLine($"  [{Level(violation.Level)}] {violation.Policy}: {violation.Message}");
                }

                output.WriteLine();
            }

            if (report)
            {
                ReachabilityTable.Write(output, check.Evaluation.Reachability, check.Network, allDestinations);
                if (check.Network is { } network)
                {
                    CostTable.Write(output, network.Cost);
                }
            }

            if (check.Network is { } stack)
            {
                output.WriteLine(CostTable.TotalLine(stack.Cost, check.File));
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{check.Mandatory} mandatory, {check.Advisory} advisory violation(s) in {check.File}"));
        }
    }

    public static string Level(EnforcementLevel level) => level.ToString().ToLowerInvariant();
}
