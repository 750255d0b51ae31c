namespace FargateNetwork.Infra;

/// <summary>The validated configuration of one stack (namespace <c>fargate-network:</c> plus <c>aws:region</c>).</summary>
internal sealed record NetworkConfig
{
    /// <summary><c>aws:region</c> (required).</summary>
    public required string Region { get; init; }

    /// <summary><c>topology</c>. Default <c>private-endpoints</c> (no internet path unless <c>fixedEgress</c> is set).</summary>
    public Topology Topology { get; init; } = DefaultTopology;

    public static Topology DefaultTopology => Topology.PrivateEndpoints;

    /// <summary><c>vpcCidr</c>. Default <c>10.0.0.0/16</c>. Prefix /16 to /24 (the subnet plan needs /28 subnets at least).</summary>
    public Ipv4Cidr VpcCidr { get; init; } = DefaultVpcCidr;

    /// <summary>10.0.0.0/16.</summary>
    public static Ipv4Cidr DefaultVpcCidr { get; } = Ipv4Cidr.Create(0x0A000000, 16);

    /// <summary><c>availabilityZones</c> (required, 1 to 4 names of <see cref="Region"/>, e.g. <c>ap-northeast-1a</c>). No AWS look-up happens at synthesis.</summary>
    public required IReadOnlyList<string> AvailabilityZones { get; init; }

    /// <summary><c>fixedEgress</c>. Required for <c>public-nat-egress</c>; optional for <c>private-endpoints</c>. Default: none.</summary>
    public FixedEgress? FixedEgress { get; init; }

    /// <summary><c>workload</c> (required: at least <c>image</c>).</summary>
    public required Workload Workload { get; init; }

    /// <summary><c>privateLink</c>. Default: disabled.</summary>
    public PrivateLinkService PrivateLink { get; init; } = new();

    /// <summary><c>extraEndpoints</c>: more interface endpoint short names such as <c>sts</c> or <c>xray</c>. Default: none.</summary>
    public IReadOnlyList<string> ExtraEndpoints { get; init; } = [];

    /// <summary><c>tags</c>: added to every taggable resource (besides <c>Name</c>), as references to the stack's config. Default: none.</summary>
    public IReadOnlyList<ConfigTag> Tags { get; init; } = [];
}
