using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Model;
using FargateNetwork.Policies.Pack;
using FargateNetwork.Policies.Reachability;

namespace FargateNetwork.Policies.Rules;

/// <summary>
/// <c>fixed-egress-through-nat</c> [mandatory when configured]: traffic from task subnets to each allow-listed CIDR
/// leaves through a public NAT gateway with an Elastic IP (the address partners allow-list).
/// The CIDRs are the configured <c>fixedEgressCidrs</c> (checked from every task subnet) plus the CIDRs the stack
/// itself routes to a NAT gateway from some subnet of a placement (checked from every subnet of that placement, so an
/// AZ whose route table lacks the route is caught). With neither, the policy reports nothing.
/// https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html (the NAT rewrites the source to its Elastic IP)
/// </summary>
public sealed class FixedEgressThroughNat : NetworkPolicy
{
    public const string Id = "fixed-egress-through-nat";

    public FixedEgressThroughNat()
        : base(
            Id,
            "Allow-listed destinations leave through a NAT gateway's Elastic IP",
            "Traffic from task subnets to each fixed-egress CIDR (configured, or routed to a NAT by the stack) leaves through a public NAT gateway with an Elastic IP.",
            EnforcementLevel.Mandatory,
            PolicySchema.Of(("fixedEgressCidrs", PolicySchema.CidrList("Allow-listed destinations (IPv4 CIDR blocks) that must be reached from a fixed address."))))
    {
    }

    public override IEnumerable<Finding> Check(PolicyContext context, PolicySettings settings)
    {
        var configured = settings.Cidrs("fixedEgressCidrs");
        foreach (var placement in context.Model.Placements)
        {
            // The configured blocks, then those the task subnets route to a NAT gateway: each once, in that order.
            List<Ipv4Cidr>? cidrs = null;
            foreach (var cidr in configured)
            {
                Add(ref cidrs, cidr);
            }

            foreach (var subnet in placement.Subnets)
            {
                if (context.Model.RouteTableOf(subnet, out _) is { } table)
                {
                    foreach (var r in table.Routes)
                    {
                        if (r.Target == RouteTargetKind.NatGateway && r.Destination.IsKnown && !r.Destination.IsSecret && r.Destination.Value.PrefixLength > 0)
                        {
                            Add(ref cidrs, r.Destination.Value);
                        }
                    }
                }
            }

            foreach (var cidr in cidrs ?? [])
            {
                foreach (var subnet in placement.Subnets)
                {
                    var path = context.Reachability.Find(placement, subnet, Destination.FixedEgress(cidr));
                    var problem = path.Kind switch
                    {
                        PathKind.NatGateway when path.Nat?.AllocationId.Kind == RefKind.Absent && path.Nat?.IsRegional == false => $"NAT gateway {path.Nat.Name} has no Elastic IP",

                        // A regional NAT gateway in automatic mode (no availabilityZoneAddresses) adds addresses as it
                        // expands to new AZs: no fixed set to allow-list. (Provider docs, NatGateway availabilityZoneAddresses.)
                        PathKind.NatGateway when path.Nat is { IsRegional: true } regional && regional.HasZoneAddresses.Is(listed => !listed) =>
                            $"regional NAT gateway {regional.Name} is in automatic mode (no availabilityZoneAddresses), so AWS picks and adds its Elastic IPs as it expands to new AZs: not a fixed address",
                        PathKind.NatGateway => null,
                        PathKind.InternetGateway => $"it leaves through {path.Detail}, which changes with every task",
                        PathKind.None => path.Detail,
                        _ => null,
                    };
                    if (problem is not null)
                    {
                        yield return new Finding(
                            placement.Resource,
                            $"Traffic of {placement.Name} from subnet {subnet.Name}{PolicyContext.Az(subnet)} to the allow-listed {cidr} does not leave through a NAT gateway's Elastic IP: {problem}. Fix: route {cidr} to a public NAT gateway with fixed Elastic IPs (a zonal NAT with allocationId in another public subnet, or a regional NAT with availabilityZoneAddresses), in every task subnet's route table.");
                    }
                }
            }
        }
    }

    private static void Add(ref List<Ipv4Cidr>? cidrs, Ipv4Cidr cidr)
    {
        cidrs ??= [];
        if (!cidrs.Contains(cidr))
        {
            cidrs.Add(cidr);
        }
    }
}
