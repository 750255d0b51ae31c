namespace FargateNetwork.Policies.Reachability;

/// <summary>A task need (<see cref="TaskNeed"/>, in the core) as the destination whose path the reachability analysis finds.</summary>
public static class NeedDestination
{
    extension(TaskNeed need)
    {
        /// <summary>What the need reaches: the service (in another Region when it has one), or the internet.</summary>
        public Destination Destination => need.Service is not { } service ? Destination.Internet
            : need.Region is { } region ? Destination.ForService(service, region)
            : Destination.ForService(service);
    }
}
