namespace FargateNetwork.Aws;

/// <summary>
/// What one container of a task definition says that decides what the task needs from the network: its image, its
/// log driver and <c>awslogs-region</c>, and its secrets. A value that is a Pulumi secret is used, never shown: it
/// appears as <c>[secret]</c> in a need's <see cref="TaskNeed.Why"/> and <see cref="TaskNeed.Region"/>.
/// (<c>awslogs-group</c> decides no network need: the group lives in the Region of <c>awslogs-region</c>.)
/// </summary>
/// <param name="Image">The image.</param>
public sealed record ContainerSpec(ContainerImage Image)
{
    /// <summary>Whether <c>logConfiguration.logDriver</c> is <c>awslogs</c> (Off: another driver or none).</summary>
    public Switch Awslogs { get; init; }

    /// <summary>True when the log driver is a Pulumi secret.</summary>
    public bool LogDriverIsSecret { get; init; }

    /// <summary>
    /// <c>logConfiguration.options.awslogs-region</c>; null when not set or not known (the task's own Region is
    /// assumed, so it never makes a cross-Region need).
    /// </summary>
    public string? AwslogsRegion { get; init; }

    /// <summary>True when <see cref="AwslogsRegion"/> is a Pulumi secret.</summary>
    public bool AwslogsRegionIsSecret { get; init; }

    /// <summary>The secrets (and <c>repositoryCredentials</c>) ECS fetches for the container.</summary>
    public IReadOnlyList<SecretSource> Secrets { get; init; } = [];
}
