namespace FargateNetwork.Infra;

/// <summary>
/// <c>fargate-network:privateLink</c>: exposes the service to other VPCs/accounts through an internal NLB and a
/// VPC endpoint service (https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-share-your-services.html). Only with <c>private-endpoints</c> and a <c>service</c> workload.
/// </summary>
internal sealed record PrivateLinkService
{
    /// <summary>Whether to build it. Default false.</summary>
    public bool Enabled { get; init; }

    /// <summary>NLB listener port. Default: the workload's port.</summary>
    public int? Port { get; init; }

    /// <summary>ARNs allowed to connect (e.g. <c>arn:aws:iam::123456789012:root</c>). Default: none (nobody can connect until added).</summary>
    public IReadOnlyList<string> AllowedPrincipals { get; init; } = [];

    /// <summary>Whether each connection request needs manual acceptance. Default true.</summary>
    public bool AcceptanceRequired { get; init; } = true;
}
