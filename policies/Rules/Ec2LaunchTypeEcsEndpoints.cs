using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Model;
using FargateNetwork.Policies.Pack;

namespace FargateNetwork.Policies.Rules;

/// <summary>
/// <c>ec2-launch-type-ecs-endpoints</c> [mandatory]: as <c>private-fargate-subnet-endpoints</c> for the EC2 launch type,
/// plus ecs, ecs-agent and ecs-telemetry for the container agent.
/// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/vpc-endpoints.html
/// The subnets checked are the service's awsvpc subnets; the container instances' own subnets (Auto Scaling group)
/// are not modelled.
/// </summary>
public sealed class Ec2LaunchTypeEcsEndpoints : NetworkPolicy
{
    public const string Id = "ec2-launch-type-ecs-endpoints";

    public Ec2LaunchTypeEcsEndpoints()
        : base(
            Id,
            "EC2 launch type subnets have the ECS and ECR endpoints",
            "A task subnet of the EC2 launch type with no NAT path has ecs, ecs-agent, ecs-telemetry, ecr.api, ecr.dkr, the S3 gateway endpoint, and logs/secrets endpoints as the task definition needs.",
            EnforcementLevel.Mandatory,
            PolicySchema.Empty())
    {
    }

    public override IEnumerable<Finding> Check(PolicyContext context, PolicySettings settings) =>
        EndpointRequirement.Check(context, p => p.LaunchType == LaunchType.Ec2, "EC2 launch type");
}
