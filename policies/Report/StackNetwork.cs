using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Cost;
using FargateNetwork.Policies.Model;
using FargateNetwork.Policies.Reachability;
using FargateNetwork.Policies.Rules;

namespace FargateNetwork.Policies.Report;

/// <summary>
/// What the reports show besides the violations: the typed network, its monthly cost for a workload, and per task
/// subnet the destinations its tasks need.
/// </summary>
public sealed class StackNetwork
{
    private readonly Dictionary<string, HashSet<string>> needs = new(StringComparer.Ordinal);

    private StackNetwork(PolicyContext context, StackCost cost)
    {
        Context = context;
        Cost = cost;
        foreach (var placement in context.Model.Placements.Where(p => p.LaunchType != LaunchType.External))
        {
            var needed = context.NeedsOf(placement).Select(n => n.Destination.Name).ToList();

            foreach (var subnet in placement.Subnets)
            {
                if (!needs.TryGetValue(subnet.Resource.Urn, out var set))
                {
                    needs[subnet.Resource.Urn] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.UnionWith(needed);
            }
        }
    }

    public PolicyContext Context { get; }

    public NetworkModel Model => Context.Model;

    public StackCost Cost { get; }

    public static StackNetwork Build(IReadOnlyList<StackResource> resources, Workload workload, PriceOverrides? overrides) =>
        Build(new PolicyContext(NetworkModel.Build(resources)), workload, overrides);

    /// <summary>The network of a model already built (the evaluation's).</summary>
    public static StackNetwork Build(PolicyContext context, Workload workload, PriceOverrides? overrides) =>
        new(context, CostModel.Estimate(context, workload, overrides));

    /// <summary>
    /// Whether the tasks in the subnet need the destination: the services of <see cref="TaskNeeds"/>, every fixed-egress
    /// CIDR (the allow-listed partner), and the internet only for images from other registries.
    /// </summary>
    public bool IsNeeded(ReachabilityRow row) =>
        !IsService(row.Destination) && row.Destination != Destination.Internet.Name
        || (needs.TryGetValue(row.Subnet, out var set) && set.Contains(row.Destination));

    /// <summary>
    /// The monthly cost of one row's path: the traffic the workload sends on it, plus for an interface endpoint its
    /// hours in the subnet's AZ. Null when there is no path (none or unknown).
    /// </summary>
    public decimal? PathCost(ReachabilityRow row)
    {
        if (row.Path is "none" or "unknown")
        {
            return null;
        }

        var traffic = Cost.PathCosts.GetValueOrDefault((row.Subnet, row.Destination));
        if (row.Path == "interface-endpoint")
        {
            traffic += (decimal)(Prices.HoursPerMonth * Model.Endpoints.Where(e => e.Resource.Urn == row.Via).Select(_ => PriceOf(PriceItem.InterfaceEndpointHour)).FirstOrDefault());
        }

        return Math.Round(traffic, 2, MidpointRounding.AwayFromZero);
    }

    private double PriceOf(PriceItem item) => Cost.Prices.Of(item);

    private static bool IsService(string destination) => Destination.ReportedServices.Contains(destination, StringComparer.Ordinal);
}
