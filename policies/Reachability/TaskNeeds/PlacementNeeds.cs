using FargateNetwork.Policies.Model;

namespace FargateNetwork.Policies.Reachability;

/// <summary>
/// The pack's side of the task-needs model (<see cref="TaskNeeds"/>, in the core): a placement read from a stack
/// becomes a <see cref="TaskSpec"/>, with the model's unknowns as the spec's unknown states (a need becomes a
/// <see cref="Destination"/> through <see cref="NeedDestination"/>).
/// </summary>
public static class PlacementNeeds
{
    extension(TaskNeeds)
    {
        /// <summary>What the tasks of <paramref name="placement"/> need.</summary>
        /// <param name="placement">Where the tasks run.</param>
        /// <param name="defaultPlatformVersion">The platform version assumed where the placement sets none (<c>LATEST</c>).</param>
        /// <param name="vpcRegion">The Region of the task's VPC; null when not known (then nothing counts as cross-Region).</param>
        public static IReadOnlyList<TaskNeed> Of(TaskPlacement placement, string defaultPlatformVersion, string? vpcRegion) =>
            TaskNeeds.Of(SpecOf(placement, defaultPlatformVersion, vpcRegion));
    }

    /// <summary>The placement's tasks as the task-needs model reads them.</summary>
    public static TaskSpec SpecOf(TaskPlacement placement, string defaultPlatformVersion, string? vpcRegion)
    {
        ArgumentNullException.ThrowIfNull(placement);
        var version = placement.PlatformVersion;
        return new TaskSpec
        {
            LaunchType = placement.LaunchType,
            PlatformVersion = version.IsUnknown ? PlatformVersion.Unknown : PlatformVersion.Of(version.IsKnown ? version.Value : defaultPlatformVersion),
            IsWindows = placement.TaskDefinition?.IsWindows == true,
            Containers = placement.TaskDefinition?.Containers is { } containers ? ContainersOf(containers) : null,
            ExecuteCommand = SwitchOf(placement.EnableExecuteCommand),
            ServiceConnect = SwitchOf(placement.ServiceConnect),
            VpcRegion = vpcRegion,
        };
    }

    private static List<ContainerSpec> ContainersOf(IReadOnlyList<ContainerDefinition> containers)
    {
        var specs = new List<ContainerSpec>(containers.Count);
        for (var i = 0; i < containers.Count; i++)
        {
            specs.Add(ContainerOf(containers[i]));
        }

        return specs;
    }

    private static ContainerSpec ContainerOf(ContainerDefinition container) => new(new ContainerImage(container.Registry, container.ImageRegion, container.Image.Shown))
    {
        Awslogs = container.LogDriver.IsUnknown ? Switch.Unknown : container.UsesAwslogs ? Switch.On : Switch.Off,
        LogDriverIsSecret = container.LogDriver.IsSecret,
        AwslogsRegion = container.LogRegion.IsKnown ? container.LogRegion.Value : null,
        AwslogsRegionIsSecret = container.LogRegion.IsSecret,
        Secrets = SecretsOf(container),
    };

    /// <summary>
    /// The container's secrets: those whose Region the model read (<see cref="ContainerDefinition.SecretRegions"/>),
    /// then the rest of each store's count in the VPC's Region.
    /// </summary>
    private static List<SecretSource> SecretsOf(ContainerDefinition container)
    {
        var secretsManager = container.SecretsManagerSecrets;
        var parameters = container.SsmParameters;
        var secrets = new List<SecretSource>(container.SecretRegions.Count + Math.Max(secretsManager, 0) + Math.Max(parameters, 0));
        foreach (var (service, region) in container.SecretRegions)
        {
            var store = service == AwsService.SecretsManager ? SecretStore.SecretsManager : SecretStore.ParameterStore;
            secrets.Add(new SecretSource(store, region));
            secretsManager -= store == SecretStore.SecretsManager ? 1 : 0;
            parameters -= store == SecretStore.ParameterStore ? 1 : 0;
        }

        for (var i = 0; i < secretsManager; i++)
        {
            secrets.Add(LocalSecretsManager);
        }

        for (var i = 0; i < parameters; i++)
        {
            secrets.Add(LocalParameter);
        }

        return secrets;
    }

    private static readonly SecretSource LocalSecretsManager = new(SecretStore.SecretsManager);
    private static readonly SecretSource LocalParameter = new(SecretStore.ParameterStore);

    internal static Switch SwitchOf(Fact<bool> fact) => fact.IsUnknown ? Switch.Unknown : fact.Is(on => on) ? Switch.On : Switch.Off;
}
