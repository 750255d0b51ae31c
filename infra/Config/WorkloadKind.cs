namespace FargateNetwork.Infra;

/// <summary>How the task runs.</summary>
internal enum WorkloadKind
{
    /// <summary>An ECS service keeping <c>desiredCount</c> tasks running.</summary>
    Service,

    /// <summary>An EventBridge rule that runs one task on a schedule (e.g. every 10 minutes).</summary>
    Scheduled,
}
