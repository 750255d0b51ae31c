using FargateNetwork.Policies.Tests.Model;
using static FargateNetwork.Policies.Tests.Model.StackBuilder;

namespace FargateNetwork.Policies.Tests.Rules;

/// <summary>One mutation of the private-endpoints stack per test, asserting the exact violations, in both reference styles.</summary>
public class EndpointPolicyTests
{
    private const string Endpoints = "private-fargate-subnet-endpoints";
    private const string PrivateDns = "interface-endpoint-private-dns";
    private const string Https = "endpoint-security-group-allows-https";
    private const string EveryAz = "endpoint-in-every-task-az";

    [Theory]
    [InlineData(RefStyle.Reference)]
    [InlineData(RefStyle.Id)]
    public void MissingEcrApiIsReported(RefStyle style)
    {
        var b = Scenarios.PrivateEndpoints(style).Remove("ecr.api");
        Expect.Violations(b, (Endpoints, "app"));
        var message = Expect.Evaluate(b).Violations[0].Message;
        Assert.Contains("com.amazonaws.ap-northeast-1.ecr.api", message, StringComparison.Ordinal);
        Assert.Contains("unable to retrieve ecr registry auth", message, StringComparison.Ordinal);
        Assert.DoesNotContain("ecr.dkr", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.3.0")]
    [InlineData("1.2.0")]
    public void PlatformVersionBefore140DoesNotNeedEcrApi(string version)
    {
        var b = Scenarios.PrivateEndpoints().Remove("ecr.api").Set("app", "platformVersion", version);
        Expect.Violations(b);
    }

    [Theory]
    [InlineData("1.4.0")]
    [InlineData("LATEST")]
    public void PlatformVersion140OrLatestNeedsEcrApi(string version) =>
        Expect.Violations(Scenarios.PrivateEndpoints().Remove("ecr.api").Set("app", "platformVersion", version), (Endpoints, "app"));

    [Fact]
    public void ConfiguredDefaultPlatformVersionApplies() =>
        Expect.ViolationsWith(Scenarios.PrivateEndpoints().Remove("ecr.api"), """{"private-fargate-subnet-endpoints":{"platformVersion":"1.3.0"}}""");

    [Theory]
    [InlineData("ecr.dkr")]
    [InlineData("logs")]
    [InlineData("secretsmanager")]
    public void EachMissingInterfaceEndpointIsReported(string service)
    {
        var b = Scenarios.PrivateEndpoints(RefStyle.Id).Remove(service);
        Expect.Violations(b, (Endpoints, "app"));
        Assert.Contains($"com.amazonaws.ap-northeast-1.{service} ", Expect.Evaluate(b).Violations[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LogsEndpointIsNotNeededWithoutAwslogs()
    {
        var b = Scenarios.PrivateEndpoints().Remove("logs");
        b.Set("appTask", "containerDefinitions", new[] { Obj(("name", "app"), ("image", Scenarios.Image)) });
        Expect.Violations(b);
    }

    [Fact]
    public void SsmParameterNeedsTheSsmEndpoint()
    {
        var b = Scenarios.PrivateEndpoints();
        b.Set("appTask", "containerDefinitions", new[]
        {
            Obj(("name", "app"), ("image", Scenarios.Image), ("secrets", new[] { Obj(("name", "TOKEN"), ("valueFrom", "arn:aws:ssm:ap-northeast-1:123456789012:parameter/app/token")) })),
        });
        Expect.Violations(b, (Endpoints, "app"));
        Assert.Contains("com.amazonaws.ap-northeast-1.ssm ", Expect.Evaluate(b).Violations[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void S3GatewayEndpointMissingIsReported()
    {
        var b = Scenarios.PrivateEndpoints().Remove("s3");
        Expect.Violations(b, (Endpoints, "app"));
        Assert.Contains("com.amazonaws.ap-northeast-1.s3 ", Expect.Evaluate(b).Violations[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RefStyle.Reference)]
    [InlineData(RefStyle.Id)]
    public void S3GatewayEndpointOnAnotherRouteTableIsReported(RefStyle style)
    {
        var b = Scenarios.PrivateEndpoints(style);
        b.Add("aws:ec2/routeTable:RouteTable", "otherRt", ("vpcId", b.Ref("vpc")));
        b.Set("s3", "routeTableIds", b.Refs("otherRt"));
        Expect.Violations(b, (Endpoints, "app"));
        Assert.Contains("not on route table privateRt", Expect.Evaluate(b).Violations[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void S3GatewayEndpointThroughRouteTableAssociationCounts()
    {
        var b = Scenarios.PrivateEndpoints().Unset("s3", "routeTableIds");
        b.Add("aws:ec2/vpcEndpointRouteTableAssociation:VpcEndpointRouteTableAssociation", "s3Assoc", ("vpcEndpointId", b.Ref("s3")), ("routeTableId", b.Ref("privateRt")));
        Expect.Violations(b);
    }

    [Fact]
    public void S3InterfaceEndpointDoesNotReplaceTheGateway()
    {
        var b = Scenarios.PrivateEndpoints().Remove("s3");
        Scenarios.InterfaceEndpoint(b, "s3");
        Expect.Violations(b, (Endpoints, "app"));
    }

    [Theory]
    [InlineData(RefStyle.Reference)]
    [InlineData(RefStyle.Id)]
    public void PrivateDnsOffIsReported(RefStyle style) =>
        Expect.Violations(Scenarios.PrivateEndpoints(style).Set("ecr.dkr", "privateDnsEnabled", false), (Endpoints, "app"), (PrivateDns, "ecr.dkr"));

    [Fact]
    public void PrivateDnsDefaultsToOffInTheProvider() =>
        Expect.Violations(Scenarios.PrivateEndpoints().Unset("logs", "privateDnsEnabled"), (Endpoints, "app"), (PrivateDns, "logs"));

    [Fact]
    public void PrivateDnsOffWithANatPathIsOnlyAdvisoryBecauseTasksReachTheService()
    {
        // Issue 9 item 2: this was a mandatory false positive; the tasks reach ecr.dkr through the NAT.
        var b = Scenarios.PrivateEndpoints().Set("ecr.dkr", "privateDnsEnabled", false);
        Scenarios.PublicNat(b);
        b.Add("aws:ec2/route:Route", "defaultToNat", ("routeTableId", b.Ref("privateRt")), ("destinationCidrBlock", "0.0.0.0/0"), ("natGatewayId", b.Ref("nat")));
        Expect.Violations(b, (PrivateDns, "ecr.dkr"), ("image-pulls-through-nat", "app"));
        Expect.Mandatory(b);
    }

    [Fact]
    public void VpcWithoutDnsHostnamesIsReported() =>
        Expect.Violations(Scenarios.PrivateEndpoints().Unset("vpc", "enableDnsHostnames"), (Endpoints, "app"), (PrivateDns, "vpc"));

    [Fact]
    public void VpcWithoutDnsSupportIsReported() =>
        Expect.Violations(Scenarios.PrivateEndpoints().Set("vpc", "enableDnsSupport", false), (Endpoints, "app"), (PrivateDns, "vpc"));

    [Theory]
    [InlineData(RefStyle.Reference)]
    [InlineData(RefStyle.Id)]
    public void EndpointSecurityGroupWithoutHttpsIsReported(RefStyle style)
    {
        var b = Scenarios.PrivateEndpoints(style);
        b.Set("endpointSg", "ingress", new[] { Obj(("protocol", "tcp"), ("fromPort", 80), ("toPort", 80), ("securityGroups", b.Refs("taskSg"))) });
        Expect.Violations(b, (Endpoints, "app"), (Https, "ecr.api"), (Https, "ecr.dkr"), (Https, "logs"), (Https, "secretsmanager"));
    }

    [Fact]
    public void EndpointSecurityGroupAdmittingTheSubnetCidrPasses()
    {
        var b = Scenarios.PrivateEndpoints();
        b.Set("endpointSg", "ingress", new[] { Obj(("protocol", "tcp"), ("fromPort", 443), ("toPort", 443), ("cidrBlocks", new[] { "10.0.0.0/16" })) });
        Expect.Violations(b);
    }

    [Fact]
    public void EndpointSecurityGroupAdmittingOnlyOneSubnetIsReportedForTheOther()
    {
        var b = Scenarios.PrivateEndpoints();
        b.Set("endpointSg", "ingress", new[] { Obj(("protocol", "tcp"), ("fromPort", 443), ("toPort", 443), ("cidrBlocks", new[] { "10.0.1.0/24" })) });
        var violations = Expect.Evaluate(b).Violations;
        Assert.All(violations.Where(v => v.Policy == Https), v => Assert.Contains("subnet taskC", v.Message, StringComparison.Ordinal));
        Expect.Violations(b, (Endpoints, "app"), (Https, "ecr.api"), (Https, "ecr.dkr"), (Https, "logs"), (Https, "secretsmanager"));
    }

    [Theory]
    [InlineData(RefStyle.Reference)]
    [InlineData(RefStyle.Id)]
    public void TaskSecurityGroupWithoutEgressIsReported(RefStyle style)
    {
        // The provider removes AWS's default allow-all egress rule: no egress rule means nothing leaves.
        var b = Scenarios.PrivateEndpoints(style).Unset("taskSg", "egress");
        Expect.Violations(b, (Endpoints, "app"), (Https, "app"));
        Assert.Contains("let no TCP 443 out", Expect.Evaluate(b).Violations.First(v => v.Policy == Https).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TaskEgressToTheEndpointGroupAndThePrefixListPasses()
    {
        var b = Scenarios.PrivateEndpoints();
        b.Set("taskSg", "egress", new[]
        {
            Obj(("protocol", "tcp"), ("fromPort", 443), ("toPort", 443), ("securityGroups", b.Refs("endpointSg"))),
            Obj(("protocol", "tcp"), ("fromPort", 443), ("toPort", 443), ("prefixListIds", new[] { "pl-61a54008" })),
        });
        Expect.Violations(b);
    }

    [Fact]
    public void TaskEgressOnlyToTheEndpointsBlocksS3()
    {
        var b = Scenarios.PrivateEndpoints();
        b.Set("taskSg", "egress", new[] { Obj(("protocol", "tcp"), ("fromPort", 443), ("toPort", 443), ("cidrBlocks", new[] { "10.0.0.0/16" })) });
        Expect.Violations(b, (Endpoints, "app"));
        Assert.Contains("com.amazonaws.ap-northeast-1.s3 ", Expect.Evaluate(b).Violations[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SeparateEgressRuleResourcesAreRead()
    {
        var b = Scenarios.PrivateEndpoints().Unset("taskSg", "egress");
        b.Add("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "allOut", ("securityGroupId", b.Ref("taskSg")), ("ipProtocol", "-1"), ("cidrIpv4", "0.0.0.0/0"));
        Expect.Violations(b);

        var legacy = Scenarios.PrivateEndpoints().Unset("taskSg", "egress");
        legacy.Add("aws:ec2/securityGroupRule:SecurityGroupRule", "httpsOut", ("type", "egress"), ("securityGroupId", legacy.Ref("taskSg")), ("protocol", "tcp"), ("fromPort", 443), ("toPort", 443), ("cidrBlocks", new[] { "0.0.0.0/0" }));
        Expect.Violations(legacy);
    }

    [Fact]
    public void SeparateIngressRuleResourcesAreRead()
    {
        var b = Scenarios.PrivateEndpoints().Unset("endpointSg", "ingress");
        b.Add("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "https", ("securityGroupId", b.Ref("endpointSg")), ("ipProtocol", "tcp"), ("fromPort", 443), ("toPort", 443), ("referencedSecurityGroupId", b.Ref("taskSg")));
        Expect.Violations(b);

        var legacy = Scenarios.PrivateEndpoints().Unset("endpointSg", "ingress");
        legacy.Add("aws:ec2/securityGroupRule:SecurityGroupRule", "https", ("type", "ingress"), ("securityGroupId", legacy.Ref("endpointSg")), ("protocol", "tcp"), ("fromPort", 443), ("toPort", 443), ("cidrBlocks", new[] { "10.0.0.0/16" }));
        Expect.Violations(legacy);
    }

    [Fact]
    public void EndpointMissingInOneTaskAzIsAdvisory()
    {
        var b = Scenarios.PrivateEndpoints();
        b.Set("ecr.dkr", "subnetIds", b.Refs("taskA"));
        Expect.Violations(b, (EveryAz, "ecr.dkr"));
        var violation = Expect.Evaluate(b).Violations.Single();
        Assert.Equal(EnforcementLevel.Advisory, violation.Level);
        Assert.Contains("ap-northeast-1c", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EndpointSubnetAssociationResourcesCount()
    {
        var b = Scenarios.PrivateEndpoints();
        b.Set("ecr.dkr", "subnetIds", b.Refs("taskA"));
        b.Add("aws:ec2/vpcEndpointSubnetAssociation:VpcEndpointSubnetAssociation", "dkrC", ("vpcEndpointId", b.Ref("ecr.dkr")), ("subnetId", b.Ref("taskC")));
        Expect.Violations(b);
    }

    [Fact]
    public void ImageFromAnotherRegistryNeedsAnInternetPath()
    {
        var b = Scenarios.PrivateEndpoints();
        b.Set("appTask", "containerDefinitions", new[] { Obj(("name", "app"), ("image", "public.ecr.aws/nginx/nginx:latest")) });
        Expect.Violations(b, (Endpoints, "app"));
        Assert.Contains("public.ecr.aws/nginx/nginx:latest", Expect.Evaluate(b).Violations[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ContainerDefinitionsAsJsonStringAreRead()
    {
        var b = Scenarios.PrivateEndpoints().Remove("logs");
        b.Set("appTask", "containerDefinitions", "[{\"name\":\"app\",\"image\":\"" + Scenarios.Image + "\",\"logConfiguration\":{\"logDriver\":\"awslogs\",\"options\":{\"awslogs-group\":\"/ecs/app\"}}}]");
        Expect.Violations(b, (Endpoints, "app"));
    }

    [Fact]
    public void EventBridgeAndSchedulerTargetsArePlacements()
    {
        var b = Scenarios.PrivateEndpoints().Remove("app").Remove("ecr.api");
        b.Add("aws:cloudwatch/eventTarget:EventTarget", "nightly", ("rule", "nightly"), ("arn", "arn:aws:ecs:ap-northeast-1:123456789012:cluster/main"),
            ("ecsTarget", Obj(("taskDefinitionArn", b.Arn("appTask")), ("launchType", "FARGATE"), ("networkConfiguration", Obj(("subnets", b.Refs("taskA")), ("securityGroups", b.Refs("taskSg")))))));
        b.Add("aws:scheduler/schedule:Schedule", "hourly", ("scheduleExpression", "rate(1 hour)"), ("flexibleTimeWindow", Obj(("mode", "OFF"))),
            ("target", Obj(("arn", "arn:aws:ecs:ap-northeast-1:123456789012:cluster/main"), ("roleArn", "arn:aws:iam::123456789012:role/scheduler"),
                ("ecsParameters", Obj(("taskDefinitionArn", b.Arn("appTask")), ("launchType", "FARGATE"), ("networkConfiguration", Obj(("subnets", b.Refs("taskC")), ("assignPublicIp", false))))))));
        Expect.Violations(b, (Endpoints, "nightly"), (Endpoints, "hourly"));
    }
}
