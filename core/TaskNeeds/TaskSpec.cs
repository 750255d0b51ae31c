namespace FargateNetwork.Aws;

/// <summary>
/// What decides a task's needs from the network, whatever subnets it runs in: the launch type, the platform version,
/// the operating system, the containers (images, logs, secrets), ECS Exec, Service Connect and the VPC's Region. The
/// policy pack reads one from a placement in a stack, the compiler from its workload config; a value the reader cannot
/// see has an explicit unknown state, and an unknown never adds a need that could fail a stack.
/// </summary>
public sealed record TaskSpec
{
    public LaunchType LaunchType { get; init; } = LaunchType.Fargate;

    /// <summary>The platform version (the one ECS assumes when the task names none: <see cref="PlatformVersion.Latest"/>).</summary>
    public PlatformVersion PlatformVersion { get; init; } = PlatformVersion.Latest;

    /// <summary><c>runtimePlatform.operatingSystemFamily</c> is a Windows family.</summary>
    public bool IsWindows { get; init; }

    /// <summary>The containers; null when not known (the task definition or its <c>containerDefinitions</c> cannot be read).</summary>
    public IReadOnlyList<ContainerSpec>? Containers { get; init; }

    /// <summary><c>enableExecuteCommand</c> (ECS Exec).</summary>
    public Switch ExecuteCommand { get; init; }

    /// <summary><c>serviceConnectConfiguration.enabled</c> of a service.</summary>
    public Switch ServiceConnect { get; init; }

    /// <summary>The Region of the task's VPC; null when not known (then nothing counts as cross-Region).</summary>
    public string? VpcRegion { get; init; }

    /// <summary>
    /// Whether the task ENI fetches the ECR auth token and the secrets: Fargate Linux 1.4.0 or later, <c>LATEST</c>,
    /// any Windows Fargate version, and every other launch type (true); Fargate Linux 1.3.0 and earlier, whose
    /// platform ENI did it outside the VPC (false); a version not known (null: not held against the stack).
    /// </summary>
    public bool? TaskEniFetchesSecrets =>
        LaunchType != LaunchType.Fargate ? true
        : PlatformVersion.IsUnknown ? null
        : IsWindows ? true
        : PlatformVersion.TaskEniFetchesSecrets;

    /// <summary>True when <paramref name="region"/> is known and is not the VPC's Region.</summary>
    public bool IsOtherRegion(string? region) =>
        region is not null && VpcRegion is not null && !region.Equals(VpcRegion, StringComparison.OrdinalIgnoreCase);
}
