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
