using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Model;
using FargateNetwork.Policies.Pack;
using FargateNetwork.Policies.Reachability;

namespace FargateNetwork.Policies.Rules;

/// <summary>
/// <c>fargate-public-ip-matches-subnet</c> [mandatory]: Fargate tasks whose subnet sends <c>0.0.0.0/0</c> to an internet
/// gateway have <c>assignPublicIp</c> on, unless every service they need has an endpoint path (else image pulls time
/// out). Tasks with a public IP in a subnet with no internet-gateway route get an advisory finding (the address is
/// billed and unused). https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html
/// </summary>
public sealed class FargatePublicIpMatchesSubnet : NetworkPolicy
{
    public const string Id = "fargate-public-ip-matches-subnet";

    public FargatePublicIpMatchesSubnet()
        : base(
            Id,
            "Fargate assignPublicIp matches the subnet's routes",
            "Tasks in a subnet whose default route is an internet gateway have assignPublicIp on (unless endpoints serve all they need); a public IP in a subnet without an internet gateway route is reported as advisory.",
            EnforcementLevel.Mandatory,
            PolicySchema.Empty())
    {
    }

    public override IEnumerable<Finding> Check(PolicyContext context, PolicySettings settings)
    {
        foreach (var (placement, subnet) in context.TaskSubnets)
        {
            if (placement.LaunchType != LaunchType.Fargate)
            {
                continue;
            }

            var table = context.Model.RouteTableOf(subnet, out _);
            if (table is null)
            {
                continue;
            }

            var route = table.Lookup(Ipv4Cidr.Any, out var unknown);
            if (unknown)
            {
                continue;
            }

            var toIgw = route?.Target == RouteTargetKind.InternetGateway;
            if (toIgw && placement.AssignPublicIp.Is(on => !on))
            {
                var unreachable = context.NeedsOf(placement)
                    .Where(n => context.PathOf(placement, subnet, n).IsNone)
                    .Select(n => n.Destination.Service is null ? n.Why : context.Describe(n))
                    .ToList();
                if (unreachable.Count > 0)
                {
                    yield return new Finding(
                        placement.Resource,
                        $"Fargate tasks of {placement.Name} run in subnet {subnet.Name}{PolicyContext.Az(subnet)}, whose route table {table.Name} sends {route!.Destination.Shown} to {route.TargetDescription}, with assignPublicIp {(placement.AssignPublicIp.IsSecret ? "[secret]" : "false")}: without a public IP they cannot use the internet gateway and cannot reach {string.Join(", ", unreachable)} (CannotPullContainerError / ResourceInitializationError after timeouts). Fix: set networkConfiguration.assignPublicIp: true, or run the tasks in a subnet routed to a NAT gateway.");
                }
            }
            else if (!toIgw && route is not null && route.Target is RouteTargetKind.Unknown or RouteTargetKind.Other)
            {
                continue;
            }
            else if (!toIgw && placement.AssignPublicIp.Is(on => on))
            {
                yield return new Finding(
                    placement.Resource,
                    $"Fargate tasks of {placement.Name} get a public IP (assignPublicIp true) in subnet {subnet.Name}, whose route table {table.Name} has no 0.0.0.0/0 route to an internet gateway: the address is never used and costs $0.005 per hour per task. Fix: set assignPublicIp: false, or route the subnet to the internet gateway.",
                    AdvisoryOnly: true);
            }
        }
    }
}
