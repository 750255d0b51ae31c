using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Model;
using FargateNetwork.Policies.Reachability;

namespace FargateNetwork.Policies.Rules;

/// <summary>
/// The check shared by <c>private-fargate-subnet-endpoints</c> and <c>ec2-launch-type-ecs-endpoints</c>: in a task
/// subnet with no internet path, every service the tasks need must have a path (an endpoint).
/// </summary>
internal static class EndpointRequirement
{
    public static IEnumerable<Finding> Check(PolicyContext context, Func<TaskPlacement, bool> applies, string defaultPlatformVersion, string launchTypeName)
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
            foreach (var need in TaskNeeds.Of(placement, defaultPlatformVersion))
            {
                var path = context.Reachability.Find(placement, subnet, Destination.ForService(need.Service));
                if (path.IsNone)
                {
                    missing.Add($"{context.Model.ServiceName(need.Service)} for {need.Why} ({path.Detail}; the task fails with \"{need.Error}\")");
                }
            }

            var external = TaskNeeds.ExternalImages(placement);
            foreach (var image in external)
            {
                missing.Add($"image {image} is not in a private ECR repository, and VPC endpoints cannot reach other registries (CannotPullContainerError: ... i/o timeout)");
            }

            if (missing.Count > 0)
            {
                yield return new Finding(
                    placement.Resource,
                    $"{launchTypeName} tasks of {placement.Name} run in subnet {subnet.Name}{PolicyContext.Az(subnet)}, which has no internet path ({internet.Detail}), and cannot reach: "
                    + string.Join("; ", missing)
                    + ". Fix: create the missing interface endpoints with private DNS in the task subnets' AZs and the S3 gateway endpoint on the subnet's route table, or give the subnet a NAT gateway route."
                    + " See https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html");
            }
        }
    }
}
