namespace FargateNetwork.Policies.Tests.Corpus;

/// <summary>Cases where what the tasks need follows the task definition and the service (launch type, Exec, Regions).</summary>
public static partial class CorpusCatalog
{
    private static IEnumerable<CorpusCase> Needs()
    {
        yield return new(
            "fargate-spot-no-s3",
            PrivateEcr + " (FARGATE/FARGATE_SPOT strategy)",
            "eu-west-1",
            [(PrivateEndpoints, "app")],
            "A capacity provider strategy of FARGATE/FARGATE_SPOT without launchType is Fargate; intra subnets without the S3 gateway endpoint cannot fetch image layers (ECR user guide, VPC endpoints).");
        yield return new(
            "ecs-exec-no-ssmmessages",
            PrivateEcr + " (enableExecuteCommand)",
            "eu-west-1",
            [(PrivateEndpoints, "app")],
            "ECS Exec needs com.amazonaws.REGION.ssmmessages without an internet path (ECS developer guide, ECS Exec).",
            "7 (ECS Exec needs ssmmessages)");
        yield return new(
            "ecs-exec-ssmmessages",
            PrivateEcr + " (enableExecuteCommand + ssmmessages endpoint)",
            "eu-west-1",
            [],
            "ECS Exec with the ssmmessages endpoint in the VPC.")
        { Unneeded = ["ecs", "ecs-telemetry"] };
        yield return new(
            "service-connect-endpoints",
            PrivateEcr + " (Service Connect)",
            "eu-west-1",
            [],
            "Service Connect with every ECS, ECR, S3 and Logs endpoint in the VPC.");
        yield return new(
            "cross-region-image-secret",
            PrivateEcr + " (image and secret in us-east-1)",
            "eu-west-1",
            [(PrivateEndpoints, "app")],
            "VPC endpoints don't support cross-Region requests (ECS developer guide, VPC endpoints, considerations): an image or secret in another Region needs an internet path.",
            "6 (cross-Region image and secret)");
        yield return new(
            "eventbridge-target-no-logs",
            PrivateEcr + "; terraform-aws-modules/terraform-aws-eventbridge examples/with-ecs-scheduling/main.tf",
            "eu-west-1",
            [(PrivateEndpoints, "nightly-task")],
            "An EventBridge ecsTarget task with awslogs needs the logs endpoint in intra subnets (ECS developer guide, VPC endpoints).")
        { Unneeded = ["ecs", "ecs-telemetry", "ecs-agent"] };
        yield return new(
            "scheduler-exec-no-ssmmessages",
            PrivateEcr + "; terraform-aws-modules/terraform-aws-eventbridge examples/with-schedules/main.tf",
            "eu-west-1",
            [(PrivateEndpoints, "hourly")],
            "A Scheduler task with ecsParameters.enableExecuteCommand needs ssmmessages without an internet path (ECS developer guide, ECS Exec).",
            "7 (ECS Exec on a Scheduler target)");
        yield return new(
            "scheduler-target",
            PrivateEcr + "; terraform-aws-modules/terraform-aws-eventbridge examples/with-schedules/main.tf",
            "eu-west-1",
            [],
            "A Scheduler task in intra subnets with every endpoint it needs.")
        { Unneeded = ["ecs", "ecs-telemetry", "ecs-agent"] };
        yield return new(
            "dual-stack-eigw",
            "terraform-aws-modules/terraform-aws-vpc examples/ipv6-dualstack/main.tf",
            "eu-west-2",
            [],
            "IPv4 through the NAT, ::/0 to an egress-only internet gateway: an extra path, never a failure.");
        yield return new(
            "regional-nat-fixed-egress",
            "terraform-aws-modules/terraform-aws-vpc examples/regional-nat/main.tf",
            "ap-south-1",
            [(FixedEgress, "payments")],
            "A regional NAT gateway in automatic mode has no fixed set of Elastic IPs to allow-list (VPC user guide, regional NAT gateways).",
            "8 (regional NAT in automatic mode)")
        { Config = FixedEgressConfig };
        yield return new(
            "regional-nat-manual-eips",
            "terraform-aws-modules/terraform-aws-vpc examples/regional-nat/main.tf (manual EIPs)",
            "ap-south-1",
            [],
            "A regional NAT gateway with availabilityZoneAddresses has a fixed set of Elastic IPs; it is a working internet path.",
            "8 (regional NAT gateways)")
        { Config = FixedEgressConfig };
    }
}
