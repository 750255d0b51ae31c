using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Model;
using FargateNetwork.Policies.Pack;

namespace FargateNetwork.Policies.Rules;

/// <summary>
/// <c>nat-gateway-in-public-subnet</c> [mandatory]: a public zonal NAT gateway sits in a subnet whose route table sends
/// <c>0.0.0.0/0</c> to an internet gateway, and has an Elastic IP (<c>allocationId</c>).
/// https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-troubleshooting.html ;
/// https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html (public NAT: public subnet, Elastic IP).
/// Private and regional NAT gateways are not checked (a regional NAT has no subnet; AWS routes it).
/// </summary>
public sealed class NatGatewayInPublicSubnet : NetworkPolicy
{
    public const string Id = "nat-gateway-in-public-subnet";

    public NatGatewayInPublicSubnet()
        : base(
            Id,
            "NAT gateways sit in a public subnet with an Elastic IP",
            "A public NAT gateway sits in a subnet whose route table sends 0.0.0.0/0 to an internet gateway, and has an Elastic IP.",
            EnforcementLevel.Mandatory,
            PolicySchema.Empty())
    {
    }

    public override IEnumerable<Finding> Check(PolicyContext context, PolicySettings settings)
    {
        foreach (var nat in context.Model.NatGateways)
        {
            if (nat.IsPrivate || nat.IsRegional || !nat.ConnectivityType.IsKnown)
            {
                continue;
            }

            if (nat.AllocationId.Kind == RefKind.Absent)
            {
                yield return new Finding(nat.Resource, $"Public NAT gateway {nat.Name} has no Elastic IP: set allocationId to an aws:ec2/eip:Eip (AWS rejects a public NAT gateway without one, and allow-listed partners need a fixed address).");
            }

            if (nat.Subnet is not { } subnet)
            {
                continue;
            }

            var table = context.Model.RouteTableOf(subnet, out _);
            if (table is null)
            {
                continue;
            }

            var route = table.Lookup(Ipv4Cidr.Any, out var unknown);
            if (unknown || route?.Target is RouteTargetKind.Unknown or RouteTargetKind.Other or RouteTargetKind.InternetGateway)
            {
                continue;
            }

            var what = route is null || route.Target == RouteTargetKind.Local ? "has no 0.0.0.0/0 route" : $"sends {route.Destination.Shown} to {route.TargetDescription}";
            yield return new Finding(nat.Resource, $"NAT gateway {nat.Name} sits in subnet {subnet.Name}, whose route table {table.Name} {what}, not to an internet gateway: nothing behind this NAT reaches the internet. Fix: put the NAT gateway in a public subnet (route 0.0.0.0/0 to the internet gateway).");
        }
    }
}
