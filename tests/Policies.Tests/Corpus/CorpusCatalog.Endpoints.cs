namespace FargateNetwork.Policies.Tests.Corpus;

/// <summary>Cases about endpoints, security groups and endpoint services.</summary>
public static partial class CorpusCatalog
{
    private static IEnumerable<CorpusCase> Endpoints()
    {
        yield return new(
            "hardened-egress-prefix-list",
            PrivateEcr + " (egress only to the S3 prefix list)",
            "eu-west-1",
            [(EndpointSg, "app"), (PrivateEndpoints, "app")],
            "An AWS-managed prefix list never holds the VPC's endpoint interfaces: egress only to it closes the interface-endpoint paths (VPC user guide, AWS-managed prefix lists).",
            "5 (egress to a prefix list is not open toward interface endpoints)");
        yield return new(
            "hardened-egress-self",
            PrivateEcr + " (egress 443 to the endpoint group and the S3 prefix list)",
            "eu-west-1",
            [],
            "Egress to the endpoint group and to the S3 prefix list reaches every endpoint the tasks use.")
        { Unneeded = ["ecs", "ecs-telemetry", "ecs-agent"] };
        yield return new(
            "endpoints-provider-defaults",
            "terraform-aws-modules/terraform-aws-vpc modules/vpc-endpoints/main.tf (provider defaults); terraform-aws-modules/terraform-aws-ecs examples/fargate/main.tf",
            "eu-west-1",
            [],
            "Private DNS off (provider default): the public names resolve to public addresses and the NAT serves them; no task depends on the endpoints (PrivateLink guide, private DNS).",
            "2 (interface-endpoint-private-dns on endpoints no task depends on)")
        { Unneeded = ["ecr-api", "ecr-dkr", "logs", "vpc-endpoints-sg", "vpc-endpoints-ingress-https", "s3-private-a", "s3-private-b"] };
        yield return new(
            "second-endpoint-private-dns",
            "aws/aws-cdk packages/aws-cdk-lib/aws-ec2/lib/vpc-endpoint.ts (a second endpoint of one service)",
            "us-east-2",
            [],
            "Only one endpoint per service and VPC holds private DNS; the second one is unused, never mandatory (PrivateLink guide, private DNS).",
            "2 (a second endpoint of a service without private DNS)")
        { Unneeded = ["logs-shared-services"] };
        yield return new(
            "privatelink-service-closed",
            "pavankumarBL/elsevierdemo terraform-fargate-apigw-privatelink/modules/privatelink/main.tf",
            "us-east-1",
            [],
            "acceptanceRequired false with no allowed principals is available to nobody (PrivateLink guide, manage permissions).",
            "3 (endpoint service with no principals is closed)");
        yield return new(
            "dockerhub-through-nat",
            "pulumi/pulumi-awsx examples/ecs/python/__main__.py (nginx from Docker Hub) in private subnets",
            "us-east-1",
            [],
            "Images from Docker Hub and ECR Public go over the internet; ECR endpoints would not carry them, so no NAT-cost advice about ECR.",
            "9 (image-pulls-through-nat follows what the containers pull)")
        { NoAdvisory = [(PullsThroughNat, "quotes")] };
    }
}
