using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Model;
using FargateNetwork.Policies.Pack;

namespace FargateNetwork.Policies.Rules;

/// <summary>
/// <c>no-route-to-nat-in-own-subnet</c> [mandatory]: no subnet routes traffic to a NAT gateway that sits in that same
/// subnet. The route would also catch the NAT's own packets, and an appliance must be in another subnet than the
/// traffic's source (AWS middlebox routing rules: https://docs.aws.amazon.com/vpc/latest/userguide/route-table-options.html).
/// The trap of the public-nat-egress design: the fixed-egress route must live in the tasks' subnet's route table and
/// the NAT gateway in another (public) subnet, whose own table sends the traffic on to the internet gateway.
/// </summary>
public sealed class NoRouteToNatInOwnSubnet : NetworkPolicy
{
    public const string Id = "no-route-to-nat-in-own-subnet";

    public NoRouteToNatInOwnSubnet()
        : base(
            Id,
            "No subnet routes to a NAT gateway inside itself",
            "No subnet's route table sends traffic to a NAT gateway that sits in that same subnet.",
            EnforcementLevel.Mandatory,
            PolicySchema.Empty())
    {
    }

    public override IEnumerable<Finding> Check(PolicyContext context, PolicySettings settings)
    {
        foreach (var nat in context.Model.NatGateways)
        {
            if (nat.Subnet is not { } subnet || context.Model.RouteTableOf(subnet, out _) is not { } table)
            {
                continue;
            }

            foreach (var route in table.Routes)
            {
                if (route.Target == RouteTargetKind.NatGateway && route.NatGateway == nat)
                {
                    var destination = route.Destination.IsKnown ? route.Destination.Shown : route.DestinationPrefixListId.Shown;
                    yield return new Finding(
                        subnet.Resource,
                        $"Subnet {subnet.Name} routes {destination} to NAT gateway {nat.Name} (route table {table.Name}), which sits in this same subnet: the traffic never leaves. Fix: move the NAT gateway to another public subnet, or use a separate route table for the NAT's subnet.");
                }
            }
        }
    }
}
