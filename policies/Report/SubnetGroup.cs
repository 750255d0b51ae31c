using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Pack;

namespace FargateNetwork.Policies.Report;

/// <summary>
/// Task subnets whose reachability rows are the same once each subnet's own AZ is written <c>&lt;az&gt;</c> (a NAT
/// gateway or endpoint in the subnet's own AZ): the reports print them once.
/// </summary>
/// <param name="Subnets">The subnets' rows, first subnet first.</param>
/// <param name="Rows">The rows of the first subnet, with its AZ written <c>&lt;az&gt;</c> when the group has several AZs.</param>
public sealed record SubnetGroup(IReadOnlyList<(string Name, string? Az)> Subnets, IReadOnlyList<SubnetGroup.Row> Rows)
{
    /// <summary>Written in place of a subnet's own AZ in merged rows.</summary>
    public const string OwnAz = "<az>";

    /// <summary>One row of the group.</summary>
    public sealed record Row(string Destination, bool Needed, string Path, string? ViaName, decimal? MonthlyUsd, string Detail);

    public bool Merged => Subnets.Count > 1;

    public string Title => Subnets.Count == 1
        ? Subnets[0].Az is { } az ? $"{Subnets[0].Name} ({az})" : Subnets[0].Name
        : $"{string.Join(", ", Subnets.Select(s => s.Name))} ({string.Join(", ", Subnets.Select(s => s.Az ?? "AZ unknown"))}; {OwnAz} is each subnet's own AZ)";

    /// <summary>Groups the rows of a check by subnet, then merges subnets whose rows are equal but for their own AZ.</summary>
    public static IReadOnlyList<SubnetGroup> Of(IReadOnlyList<ReachabilityRow> rows, StackNetwork? network)
    {
        var groups = new List<(string Key, List<(string, string?)> Subnets, List<Row> Rows)>();
        foreach (var subnet in rows.GroupBy(r => r.Subnet))
        {
            var first = subnet.First();
            var az = first.AvailabilityZone;
            var own = subnet.Select(r => Normalize(r, az, network)).ToList();
            var key = string.Join('\n', own.Select(r => $"{r.Destination}|{r.Needed}|{r.Path}|{r.ViaName}|{r.MonthlyUsd}|{r.Detail}"));
            var existing = groups.FindIndex(g => g.Key == key && az is not null && g.Subnets.All(s => s.Item2 is not null && s.Item2 != az));
            if (existing >= 0)
            {
                groups[existing].Subnets.Add((first.SubnetName, az));
            }
            else
            {
                groups.Add((key, [(first.SubnetName, az)], own));
            }
        }

        return groups.Select(g => g.Subnets.Count == 1
            ? new SubnetGroup(g.Subnets, rows.Where(r => r.SubnetName == g.Subnets[0].Item1).Select(r => Plain(r, network)).ToList())
            : new SubnetGroup(g.Subnets, g.Rows)).ToList();
    }

    private static Row Normalize(ReachabilityRow r, string? az, StackNetwork? network)
    {
        var plain = Plain(r, network);
        return az is null ? plain : plain with { ViaName = plain.ViaName?.Replace(az, OwnAz, StringComparison.Ordinal), Detail = plain.Detail.Replace(az, OwnAz, StringComparison.Ordinal) };
    }

    private static Row Plain(ReachabilityRow r, StackNetwork? network) =>
        new(r.Destination, network?.IsNeeded(r) ?? true, r.Path, r.Via is null ? null : Urn.Name(r.Via), network is null ? r.MonthlyCostUsd : network.PathCost(r), r.Detail);
}
