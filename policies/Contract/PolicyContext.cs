using FargateNetwork.Policies.Model;
using FargateNetwork.Policies.Reachability;

namespace FargateNetwork.Policies.Contract;

/// <summary>
/// What every policy queries: the model, the reachability analysis, the task subnets, and what the tasks of each
/// placement need (under the configured default platform version, for every rule alike).
/// </summary>
public sealed class PolicyContext(NetworkModel model, string defaultPlatformVersion = "LATEST")
{
    // At most a spec per placement: made at that size, not grown through every size below it.
    private readonly Dictionary<TaskSpecKey, IReadOnlyList<TaskNeed>> needsBySpec = new(model.Placements.Count);

    // Each placement's needs once found, by its position in the model (every rule asks again for each of its subnets).
    private readonly IReadOnlyList<TaskNeed>?[] needsByPlacement = new IReadOnlyList<TaskNeed>?[model.Placements.Count];

    public NetworkModel Model { get; } = model;

    public ReachabilityAnalysis Reachability { get; } = new(model);

    /// <summary>The platform version assumed where a placement sets none (<c>private-fargate-subnet-endpoints</c>' <c>platformVersion</c>).</summary>
    public string DefaultPlatformVersion { get; } = defaultPlatformVersion;

    /// <summary>Every (placement, subnet) pair where tasks run, in stack order.</summary>
    public IEnumerable<(TaskPlacement Placement, Subnet Subnet)> TaskSubnets
    {
        get
        {
            foreach (var placement in Model.Placements)
            {
                if (placement.LaunchType == LaunchType.External)
                {
                    continue;
                }

                foreach (var subnet in placement.Subnets)
                {
                    yield return (placement, subnet);
                }
            }
        }
    }

    /// <summary>What the tasks of <paramref name="placement"/> need (<see cref="TaskNeeds"/>).</summary>
    public IReadOnlyList<TaskNeed> NeedsOf(TaskPlacement placement)
    {
        var position = placement.Position;
        var placed = (uint)position < (uint)needsByPlacement.Length && ReferenceEquals(Model.Placements[position], placement);
        if (placed && needsByPlacement[position] is { } known)
        {
            return known;
        }

        // Placements that read alike (copies of one service, one placement asked again) share one list.
        var key = TaskSpecKey.Of(placement);
        if (!needsBySpec.TryGetValue(key, out var list))
        {
            needsBySpec[key] = list = TaskNeeds.Of(placement, DefaultPlatformVersion, Model.Region);
        }

        if (placed)
        {
            needsByPlacement[position] = list;
        }

        return list;
    }

    /// <summary>The path for one need from one subnet.</summary>
    public NetworkPath PathOf(TaskPlacement placement, Subnet subnet, TaskNeed need) => Reachability.Find(placement, subnet, need.Destination);

    /// <summary>The need's destination for a message: the full service name, or the internet.</summary>
    public string Describe(TaskNeed need) => need.Destination switch
    {
        { Service: null } => "the internet",
        { Service: { } service, Region: { } region } => EndpointServiceName.Full(region, service),
        { Service: { } service } => Model.ServiceName(service),
    };

    public static string Az(Subnet subnet) => subnet.AvailabilityZone.IsKnown ? $" ({subnet.AvailabilityZone.Shown})" : string.Empty;
}
