using FargateNetwork.Policies.Model;
using FargateNetwork.Policies.Reachability;

namespace FargateNetwork.Policies.Contract;

/// <summary>What every policy queries: the model, the reachability analysis, and the task subnets.</summary>
public sealed class PolicyContext(NetworkModel model)
{
    public NetworkModel Model { get; } = model;

    public ReachabilityAnalysis Reachability { get; } = new(model);

    /// <summary>Every (placement, subnet) pair where tasks run, in stack order.</summary>
    public IEnumerable<(TaskPlacement Placement, Subnet Subnet)> TaskSubnets =>
        Model.Placements.Where(p => p.LaunchType != LaunchType.External).SelectMany(p => p.Subnets.Select(s => (p, s)));

    public static string Az(Subnet subnet) => subnet.AvailabilityZone.IsKnown ? $" ({subnet.AvailabilityZone.Shown})" : string.Empty;
}
