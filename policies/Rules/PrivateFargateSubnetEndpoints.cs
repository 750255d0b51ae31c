using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Model;
using FargateNetwork.Policies.Pack;

namespace FargateNetwork.Policies.Rules;

/// <summary>
/// <c>private-fargate-subnet-endpoints</c> [mandatory]: a Fargate task subnet without an internet path reaches every
/// need of its tasks (<see cref="TaskNeeds"/>): ecr.dkr and the S3 gateway endpoint for ECR images,
/// ecr.api and secretsmanager/ssm from platform version 1.4.0 (LATEST), logs for awslogs, ssmmessages for ECS Exec,
/// ecs-agent for Service Connect; and it has no need that only the internet serves (another registry, another Region).
/// </summary>
public sealed class PrivateFargateSubnetEndpoints : NetworkPolicy
{
    public const string Id = "private-fargate-subnet-endpoints";

    public PrivateFargateSubnetEndpoints()
        : base(
            Id,
            "Private Fargate subnets have the VPC endpoints tasks need",
            "A Fargate task subnet with no internet path reaches what its tasks need: ecr.dkr and the S3 gateway endpoint, ecr.api and secretsmanager/ssm (platform version 1.4.0+ or LATEST), logs for awslogs, ssmmessages for ECS Exec, ecs-agent for Service Connect; images from other registries and resources in other Regions need an internet path.",
            EnforcementLevel.Mandatory,
            PolicySchema.Of(("platformVersion", PolicySchema.Text("Fargate platform version assumed where a service or target sets none (LATEST is 1.4.0 today); every rule uses it.", "LATEST"))))
    {
    }

    public override IEnumerable<Finding> Check(PolicyContext context, PolicySettings settings) =>
        EndpointRequirement.Check(context, p => p.LaunchType == LaunchType.Fargate, "Fargate");
}
