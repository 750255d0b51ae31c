using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Model;
using FargateNetwork.Policies.Reachability;

namespace FargateNetwork.Policies.Rules;

/// <summary>
/// The check shared by <c>private-fargate-subnet-endpoints</c> and <c>ec2-launch-type-ecs-endpoints</c>: in a task
/// subnet with no internet path, every need of the tasks has a path. The fix named is one that works for the reason:
/// endpoints for a service of the VPC's Region, an internet path (NAT) for another Region or another registry, an
/// egress rule when the task security groups close the way.
/// </summary>
internal static class EndpointRequirement
{
    public static IEnumerable<Finding> Check(PolicyContext context, Func<TaskPlacement, bool> applies, string launchTypeName)
    {
        foreach (var (placement, subnet) in context.TaskSubnets)
        {
            if (!applies(placement))
            {
                continue;
            }

            var internet = context.Reachability.Find(placement, subnet, Destination.Internet);
            if (!internet.IsNone)
            {
                continue; // reaches the internet (NAT, IGW) or cannot be known
            }

            var missing = new List<string>();
            var fixes = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var need in context.NeedsOf(placement))
            {
                var path = context.PathOf(placement, subnet, need);
                if (!path.IsNone)
                {
                    continue;
                }

                missing.Add(need.Destination.Service is null
                    ? $"{need.Why} (the task fails with \"{need.Error}\")"
                    : $"{context.Describe(need)} for {need.Why} ({path.Detail}; the task fails with \"{need.Error}\")");
                fixes.Add(Fix(need, path));
            }

            if (missing.Count > 0)
            {
                yield return new Finding(
                    placement.Resource,
                    $"{launchTypeName} tasks of {placement.Name} run in {SubnetText(subnet)}, which has no internet path ({internet.Detail}), and cannot reach: "
                    + string.Join("; ", missing)
                    + ". Fix: " + string.Join(" ", fixes));
            }
        }
    }

    private static string SubnetText(Subnet subnet) => subnet.IsOutside ? subnet.Name : $"subnet {subnet.Name}{PolicyContext.Az(subnet)}";

    private static string Fix(TaskNeed need, NetworkPath path) => path.Reason switch
    {
        NoPathReason.TaskEgressClosed =>
            "add an egress rule for TCP 443 on the task security group (to 0.0.0.0/0, or to the S3 prefix list and the endpoints' security group).",
        NoPathReason.VpcDnsOff => "set enableDnsSupport: true on the VPC.",
        NoPathReason.PrivateDnsOff => "set privateDnsEnabled: true on the endpoint (and enableDnsHostnames: true on the VPC).",
        NoPathReason.SecurityGroupClosed => "admit TCP 443 from the task security group on the endpoint's security group.",
        _ when need.Destination.Region is not null =>
            "give the task subnets an internet path (a NAT gateway route), or move the resource into the VPC's Region (VPC endpoints serve only their own Region).",
        _ when need.Destination.Service is null =>
            "push the image to a private ECR repository in the stack's Region, or give the task subnets an internet path (a NAT gateway route).",
        _ => "create the missing interface endpoints with private DNS in the task subnets' AZs and the S3 gateway endpoint on the subnet's route table, or give the subnet a NAT gateway route (https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html).",
    };
}
