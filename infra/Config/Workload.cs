namespace FargateNetwork.Infra;

/// <summary><c>fargate-network:workload</c>: the one container the stack runs on Fargate.</summary>
internal sealed record Workload
{
    /// <summary>Service or scheduled task. Default: <see cref="WorkloadKind.Service"/>.</summary>
    public WorkloadKind Kind { get; init; } = WorkloadKind.Service;

    /// <summary>EventBridge schedule expression, e.g. <c>rate(10 minutes)</c> or <c>cron(0 * * * ? *)</c>. Required for <c>scheduled</c>, not allowed otherwise.</summary>
    public string? Schedule { get; init; }

    /// <summary>Container image (required). With <c>private-endpoints</c> and no NAT, only ECR images can be pulled.</summary>
    public required string Image { get; init; }

    /// <summary>Task CPU units. Default 256 (0.25 vCPU). Must form a valid pair with <see cref="Memory"/> (see <see cref="FargateTaskSize"/>).</summary>
    public int Cpu { get; init; } = 256;

    /// <summary>Task memory in MiB. Default 512.</summary>
    public int Memory { get; init; } = 512;

    /// <summary>Container TCP port. Default: none. Required with PrivateLink.</summary>
    public int? Port { get; init; }

    /// <summary>Tasks the service keeps running. Default 1. Ignored for <c>scheduled</c> (one task per run).</summary>
    public int DesiredCount { get; init; } = 1;

    /// <summary>Fargate platform version. Default <c>LATEST</c> (1.4.0 today). Versions below 1.4.0 are rejected: the endpoint set assumes 1.4.0.</summary>
    public string PlatformVersion { get; init; } = "LATEST";

    /// <summary>Secrets injected as environment variables. Default: none.</summary>
    public IReadOnlyList<SecretReference> Secrets { get; init; } = [];

    /// <summary>ECS Exec (adds a task role with the ssmmessages actions, and the ssmmessages endpoint). Default false.</summary>
    public bool EnableExecuteCommand { get; init; }
}
