using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Model;
using FargateNetwork.Policies.Pack;

namespace FargateNetwork.Policies.Rules;

/// <summary>
/// <c>private-fargate-subnet-endpoints</c> [mandatory]: a Fargate task subnet without an internet path has ecr.dkr,
/// ecr.api (platform version 1.4.0 or later, or LATEST), the S3 gateway endpoint on its route table, logs when a
/// container uses awslogs, and secretsmanager/ssm when the task definition references them.
/// </summary>
public sealed class PrivateFargateSubnetEndpoints : IPolicy
{
    public const string Name = "private-fargate-subnet-endpoints";

    public PolicyInfo Info { get; } = new(
        Name,
        "Private Fargate subnets have the VPC endpoints tasks need",
        "A Fargate task subnet with no internet path has ecr.dkr, ecr.api (platform version 1.4.0+ or LATEST), the S3 gateway endpoint on its route table, logs for awslogs, and secretsmanager/ssm for secrets.",
        EnforcementLevel.Mandatory,
        PolicyScope.Stack,
        PolicySchema.Of(("platformVersion", PolicySchema.Text("Fargate platform version assumed where a service or target sets none (LATEST is 1.4.0 today).", "LATEST"))));

    public IEnumerable<Finding> Check(PolicyContext context, PolicySettings settings) =>
        EndpointRequirement.Check(context, p => p.LaunchType == LaunchType.Fargate, settings.Text("platformVersion") ?? "LATEST", "Fargate");
}
