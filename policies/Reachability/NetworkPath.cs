using FargateNetwork.Policies.Model;

namespace FargateNetwork.Policies.Reachability;

/// <summary>How traffic leaves a subnet for a destination.</summary>
public enum PathKind
{
    InterfaceEndpoint,
    GatewayEndpoint,
    NatGateway,
    InternetGateway,
    None,
    Unknown,
}

/// <summary>Why there is no path (<see cref="PathKind.None"/>).</summary>
public enum NoPathReason
{
    NotApplicable,

    /// <summary>The route table has no route to the destination (or only the local route).</summary>
    NoRoute,

    /// <summary>The route goes to an internet gateway but the task ENI has no public IP.</summary>
    PublicIpMissing,

    /// <summary>The route goes to a NAT gateway whose connectivity type is <c>private</c>.</summary>
    PrivateNat,

    /// <summary>The route goes to a NAT gateway in the same subnet: it never leaves (middlebox rule).</summary>
    NatInOwnSubnet,

    /// <summary>The NAT's own subnet has no <c>0.0.0.0/0</c> route to an internet gateway.</summary>
    NatSubnetWithoutInternetRoute,

    /// <summary>An interface endpoint exists but private DNS is off (or the VPC's DNS hostnames are off).</summary>
    PrivateDnsOff,

    /// <summary>The VPC's <c>enableDnsSupport</c> is false: nothing resolves.</summary>
    VpcDnsOff,

    /// <summary>The endpoint's security groups do not admit TCP 443 from the task.</summary>
    SecurityGroupClosed,

    /// <summary>An S3 gateway endpoint exists in the VPC but not on this subnet's route table.</summary>
    S3EndpointNotOnRouteTable,

    /// <summary>The interface endpoint has no subnets, hence no ENI.</summary>
    EndpointWithoutSubnets,

    /// <summary>The task security groups let no TCP 443 out toward the path (the provider drops AWS's allow-all egress).</summary>
    TaskEgressClosed,
}

/// <summary>One path: its kind, the resource it goes through, and a human-readable detail or reason.</summary>
public sealed record NetworkPath(
    PathKind Kind,
    StackResource? Via,
    string Detail,
    NoPathReason Reason = NoPathReason.NotApplicable,
    NatGateway? Nat = null,
    VpcEndpoint? Endpoint = null,
    bool CrossAz = false)
{
    /// <summary>What a path made by <see cref="ThroughEndpoint"/> or <see cref="ThroughGateway"/> holds until its detail is read.</summary>
    private static readonly string Later = new('?', 1);

    private string detail = Detail;

    /// <summary>The route table of a path made by <see cref="ThroughGateway"/> (for its detail).</summary>
    private RouteTable? gatewayTable;

    /// <summary>
    /// The human-readable detail or reason. Written when first read for the paths through an endpoint that every
    /// subnet of a stack may have and few messages name (<see cref="ThroughEndpoint"/>, <see cref="ThroughGateway"/>).
    /// </summary>
    public string Detail
    {
        get => ReferenceEquals(detail, Later) ? detail = Described() : detail;
        init => detail = value;
    }

    /// <summary>Through an interface endpoint with private DNS: "endpoint NAME (private DNS)".</summary>
    public static NetworkPath ThroughEndpoint(VpcEndpoint endpoint) =>
        new(PathKind.InterfaceEndpoint, endpoint.Resource, Later, Endpoint: endpoint);

    /// <summary>Through a gateway endpoint on a route table: "gateway endpoint NAME on route table TABLE".</summary>
    public static NetworkPath ThroughGateway(VpcEndpoint gateway, RouteTable table) =>
        new(PathKind.GatewayEndpoint, gateway.Resource, Later, Endpoint: gateway) { gatewayTable = table };

    /// <summary>Whether <paramref name="other"/> is the same path: the same properties (the detail compared as text).</summary>
    public bool Equals(NetworkPath? other) =>
        ReferenceEquals(this, other)
        || (other is not null && Kind == other.Kind && Equals(Via, other.Via) && Detail == other.Detail && Reason == other.Reason
            && Equals(Nat, other.Nat) && Equals(Endpoint, other.Endpoint) && CrossAz == other.CrossAz);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Via, Detail, Reason, Nat, Endpoint, CrossAz);

    private string Described() => gatewayTable is { } table
        ? $"gateway endpoint {Endpoint!.Name} on route table {table.Name}"
        : $"endpoint {Endpoint!.Name} (private DNS)";

    public bool Reaches => Kind is PathKind.InterfaceEndpoint or PathKind.GatewayEndpoint or PathKind.NatGateway or PathKind.InternetGateway;

    public bool IsNone => Kind == PathKind.None;

    public static NetworkPath Unknown(string why) => new(PathKind.Unknown, null, why);

    public static NetworkPath NoPath(NoPathReason reason, string why, StackResource? via = null, VpcEndpoint? endpoint = null, NatGateway? nat = null) =>
        new(PathKind.None, via, why, reason, nat, endpoint);

    /// <summary>The string used in reachability rows.</summary>
    public string KindName => Kind switch
    {
        PathKind.InterfaceEndpoint => "interface-endpoint",
        PathKind.GatewayEndpoint => "gateway-endpoint",
        PathKind.NatGateway => "nat-gateway",
        PathKind.InternetGateway => "internet-gateway",
        PathKind.None => "none",
        _ => "unknown",
    };
}
