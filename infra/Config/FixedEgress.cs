namespace FargateNetwork.Infra;

/// <summary>
/// <c>fargate-network:fixedEgress</c>: traffic to IP-allow-listed external services leaves through NAT gateways
/// with Elastic IPs, so the service sees fixed source addresses. Only <see cref="Destinations"/> are routed to a NAT.
/// </summary>
internal sealed record FixedEgress
{
    /// <summary>CIDRs of the external services (required, at least one; must not overlap the VPC CIDR).</summary>
    public required IReadOnlyList<Ipv4Cidr> Destinations { get; init; }

    /// <summary>NAT gateway count. Default: <see cref="NatGatewayStrategy.Single"/>.</summary>
    public NatGatewayStrategy NatGateways { get; init; } = NatGatewayStrategy.Single;

    /// <summary>
    /// Existing Elastic IP allocation ids (<c>eipalloc-...</c>), one per NAT gateway in AZ order. Default: none (the
    /// stack allocates protected EIPs that survive <c>pulumi destroy</c>).
    /// </summary>
    public IReadOnlyList<string> ElasticIpAllocationIds { get; init; } = [];
}
