namespace FargateNetwork.Policies.Tests.Corpus;

/// <summary>
/// The corpus: each case's public program, Region, expected mandatory violations and the AWS fact behind them. The
/// stacks themselves are <c>Stacks/NAME.yaml</c>; <c>Exports/NAME.json</c> is generated from them.
/// </summary>
public static partial class CorpusCatalog
{
    public const string PrivateEndpoints = "private-fargate-subnet-endpoints";
    public const string PrivateDns = "interface-endpoint-private-dns";
    public const string EndpointSg = "endpoint-security-group-allows-https";
    public const string PublicIp = "fargate-public-ip-matches-subnet";
    public const string FixedEgress = "fixed-egress-through-nat";
    public const string PullsThroughNat = "image-pulls-through-nat";
    public const string RestrictsConsumers = "endpoint-service-restricts-consumers";
    public const string NlbCoversAzs = "privatelink-nlb-covers-target-azs";

    public static IReadOnlyList<CorpusCase> All { get; } = [.. Invokes(), .. Modules(), .. Needs(), .. Endpoints()];

    public static CorpusCase Get(string name) => All.Single(c => c.Name == name);

    private static IEnumerable<CorpusCase> Invokes()
    {
        yield return new(
            "default-vpc-invoke",
            "pulumi/examples aws-py-fargate/__main__.py",
            "us-west-2",
            [],
            "Default VPC subnets are outside the stack: their routes are unknown, never a violation.",
            "4 (outside subnets)")
        {
            Deployed = { ["defaultVpcId"] = "vpc-0d3fa11c0ffee0001", ["defaultSubnetIds"] = new[] { "subnet-0d3fa11c0ffee0a01", "subnet-0d3fa11c0ffee0b02", "subnet-0d3fa11c0ffee0c03" } },
            Unneeded = ["app-lb", "web", "app-tg"],
        };
        yield return new(
            "existing-vpc-self-egress",
            "terraform-aws-modules/terraform-aws-vpc examples/endpoint-existing-vpc/main.tf",
            "eu-west-1",
            [(PrivateEndpoints, "orders")],
            "Egress only TCP 443 to the group itself: S3 (gateway endpoint, public addresses) is unreachable whatever the routes; CannotPullContainerError (ECR user guide, VPC endpoints, S3 gateway endpoint).",
            "4 (outside subnets: route-independent checks still run)")
        {
            Deployed =
            {
                ["vpcId"] = "vpc-0e1e2e3e4e5e6e7e8",
                ["privateSubnetIds"] = new[] { "subnet-0e1e2e3e4e5e6e7a1", "subnet-0e1e2e3e4e5e6e7b2" },
                ["privateRouteTableIds"] = new[] { "rtb-0e1e2e3e4e5e6e7a1", "rtb-0e1e2e3e4e5e6e7b2" },
            },
        };
    }

    private static IEnumerable<CorpusCase> Modules()
    {
        yield return new(
            "awsx-vpc-nat",
            "pulumi/docs static/programs/awsx-vpc-fargate-service-python/__main__.py",
            "us-east-1",
            [],
            "Private subnets with a NAT per AZ reach ECR, S3 and Logs; the aws children have the awsx component as parent.");
        yield return new(
            "main-route-table-by-id",
            "Anorlondo448/terraform_for_fargate route_table.tf",
            "ap-northeast-1",
            [],
            "Unassociated subnets use the main route table; its 0.0.0.0/0 -> IGW route is an aws:ec2:Route on the VPC's defaultRouteTableId (VPC user guide, route tables, main route table).",
            "1 (routes on the main route table by id)")
        { NoAdvisory = [(PublicIp, "api"), (PullsThroughNat, "api")] };
        yield return new(
            "tfm-vpc-endpoints",
            "terraform-aws-modules/terraform-aws-vpc main.tf + modules/vpc-endpoints/main.tf; terraform-aws-modules/terraform-aws-ecs examples/fargate/main.tf",
            "eu-west-1",
            [],
            "NAT path, S3 gateway endpoint associated with both private tables, interface endpoints with private DNS admitting 443 from the VPC CIDR.")
        { Unneeded = ["ecr-api", "ecr-dkr", "logs", "service-ingress-alb", "default", "s3-private-b"] };
        yield return new(
            "tfm-intra-s3-one-table",
            "terraform-aws-modules/terraform-aws-vpc main.tf (intra subnets) + modules/vpc-endpoints/main.tf",
            "eu-west-1",
            [(PrivateEndpoints, "frontend")],
            "Intra subnets without NAT; the S3 gateway endpoint is on table a only: tasks in subnet b cannot fetch image layers (ECR user guide, VPC endpoints: the S3 gateway endpoint must be on the task subnets' route tables).")
        { Unneeded = ["nat", "nat-eip", "service-ingress-alb", "default"] };
        yield return new(
            "cdk-isolated",
            "aws/aws-cdk packages/aws-cdk-lib/aws-ec2/lib/vpc-endpoint.ts (isolated subnets, endpoint group open to the VPC CIDR); aws-samples/aws-cdk-examples typescript/ecs/fargate-service-with-logging/index.ts",
            "us-east-2",
            [],
            "Isolated subnets with ecr.api, ecr.dkr, logs (private DNS, 443 from the VPC CIDR) and the S3 gateway on both tables.");
        yield return new(
            "cdk-isolated-no-logs",
            "aws/aws-cdk packages/aws-cdk-lib/aws-ec2/lib/vpc-endpoint.ts; aws-samples/aws-cdk-examples typescript/ecs/fargate-service-with-logging/index.ts",
            "us-east-2",
            [(PrivateEndpoints, "service")],
            "awslogs needs the logs endpoint in isolated subnets (ECS developer guide, VPC endpoints: CloudWatch Logs endpoint); ResourceInitializationError.");
        yield return new(
            "transit-gateway-spoke",
            "terraform-aws-modules/terraform-aws-transit-gateway examples/complete/main.tf",
            "eu-central-1",
            [],
            "0.0.0.0/0 goes to a transit gateway: the path is unknown (central egress VPC), never a violation.")
        { Deployed = { ["transitGatewayId"] = "tgw-0c0ffee0c0ffee001" } };
    }

    private const string PrivateEcr = "terraform-aws-modules/terraform-aws-ecs examples/fargate-private-ecr/main.tf";
    private const string FixedEgressConfig = """{ "fixed-egress-through-nat": { "enforcementLevel": "mandatory", "fixedEgressCidrs": ["198.51.100.7/32"] } }""";

}
