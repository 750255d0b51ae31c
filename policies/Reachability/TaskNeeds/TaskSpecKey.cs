using FargateNetwork.Policies.Model;

namespace FargateNetwork.Policies.Reachability;

/// <summary>
/// What <see cref="PlacementNeeds.SpecOf"/> reads of a placement, as a key: placements with equal keys (copies of
/// one service, services sharing a task definition's containers) have the same <see cref="TaskSpec"/>, hence the same
/// needs, computed once. The containers are compared by reference (the model shares one list per distinct
/// <c>containerDefinitions</c> text).
/// </summary>
internal readonly record struct TaskSpecKey(
    IReadOnlyList<ContainerDefinition>? Containers,
    LaunchType LaunchType,
    bool PlatformVersionUnknown,
    string? PlatformVersion,
    bool IsWindows,
    Switch ExecuteCommand,
    Switch ServiceConnect)
{
    public static TaskSpecKey Of(TaskPlacement placement)
    {
        var version = placement.PlatformVersion;
        return new TaskSpecKey(
            placement.TaskDefinition?.Containers,
            placement.LaunchType,
            version.IsUnknown,
            version.IsKnown ? version.Value : null,
            placement.TaskDefinition?.IsWindows == true,
            PlacementNeeds.SwitchOf(placement.EnableExecuteCommand),
            PlacementNeeds.SwitchOf(placement.ServiceConnect));
    }
}
