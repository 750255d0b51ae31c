
namespace FargateNetwork.Policies.Model;

/// <summary>Where a route sends traffic.</summary>
public enum RouteTargetKind
{
    /// <summary>Inside the VPC (<c>gatewayId: local</c> or the VPC CIDR's implicit route).</summary>
    Local,
    InternetGateway,
    NatGateway,

    /// <summary>A transit gateway, peering, VPN gateway, network interface...: leaves what the model can follow.</summary>
    Other,
    Unknown,
}

/// <summary>One route: an IPv4 destination (or a prefix list) and its target.</summary>
/// <param name="Source">The <c>Route</c> or <c>RouteTable</c> resource that declares it (null for implicit routes).</param>
public sealed record Route(
    StackResource? Source,
    Fact<Ipv4Cidr> Destination,
    Fact<string> DestinationPrefixListId,
    RouteTargetKind Target,
    InternetGateway? InternetGateway,
    NatGateway? NatGateway,
    string TargetDescription);
