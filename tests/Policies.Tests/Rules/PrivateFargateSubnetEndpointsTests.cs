using FargateNetwork.Policies.Tests.Model;
using static FargateNetwork.Policies.Tests.Model.StackBuilder;

namespace FargateNetwork.Policies.Tests.Rules;

/// <summary>
/// <c>private-fargate-subnet-endpoints</c>: a Fargate task subnet without an internet path reaches every need of
/// its tasks (ECR, S3, Logs, secrets); one mutation of a known-good stack per test, asserting the exact violations, in
/// both reference styles.
/// </summary>
public class PrivateFargateSubnetEndpointsTests
{
    private const string Endpoints = "private-fargate-subnet-endpoints";

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

    /// <summary>
    /// A finding that names several needs writes each as "service for why (path; the task fails with "error")",
    /// separated by "; ", then the fixes: the whole text, which the finding keeps as the parts it is made of.
    /// </summary>
    [Fact]
    public void SeveralMissingNeedsAreOneSentenceEach()
    {
        var b = Scenarios.PrivateEndpoints().Remove("ecr.api").Remove("logs");
        Expect.Violations(b, (Endpoints, "app"), (Endpoints, "app"));
        var message = Expect.Evaluate(b).Violations[0].Message;
        Assert.Matches(
            "^Fargate tasks of app run in subnet taskA \\(ap-northeast-1a\\), which has no internet path \\(route table privateRt has no route to 0\\.0\\.0\\.0/0\\), and cannot reach: "
            + "com\\.amazonaws\\.ap-northeast-1\\.ecr\\.api for [^;]+ \\(no ecr\\.api interface endpoint in VPC vpc, and route table privateRt has no route to 0\\.0\\.0\\.0/0; the task fails with \"[^\"]+\"\\); "
            + "com\\.amazonaws\\.ap-northeast-1\\.logs for .+; the task fails with \"[^\"]+\"\\)\\. Fix: create the missing interface endpoints",
            message);
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

    [Fact]
    public void PublicSubnetTasksWithoutEgressCannotPull()
    {
        var b = Scenarios.PublicNatEgress().Unset("taskSg", "egress");
        Expect.Violations(b, (Endpoints, "app"));
        Assert.Contains("let no TCP 443 out", Expect.Evaluate(b).Violations[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PrivateNatIsNotAnInternetPath()
    {
        var b = Scenarios.Vpc(RefStyle.Reference);
        b.Add("aws:ec2/subnet:Subnet", "transit", ("vpcId", b.Ref("vpc")), ("cidrBlock", "10.0.50.0/24"), ("availabilityZone", "ap-northeast-1a"));
        b.Add("aws:ec2/natGateway:NatGateway", "privateNat", ("subnetId", b.Ref("transit")), ("connectivityType", "private"));
        b.Add("aws:ec2/routeTable:RouteTable", "taskRt", ("vpcId", b.Ref("vpc")), ("routes", new[] { Obj(("cidrBlock", "0.0.0.0/0"), ("natGatewayId", b.Ref("privateNat"))) }));
        b.Add("aws:ec2/routeTableAssociation:RouteTableAssociation", "taskRtA", ("subnetId", b.Ref("taskA")), ("routeTableId", b.Ref("taskRt")));
        Scenarios.TaskDefinition(b);
        Scenarios.FargateService(b, false, "taskA");
        Expect.Violations(b, (Endpoints, "app"));
        Assert.Contains("private (connectivityType private)", Expect.Evaluate(b).Violations[0].Message, StringComparison.Ordinal);
    }

    // Issue 9 item 1: a gateway endpoint or an association that names the VPC's main/default route table by id.
    [Theory]
    [InlineData(RefStyle.Reference)]
    [InlineData(RefStyle.Id)]
    public void S3GatewayEndpointOnTheMainTableById(RefStyle style)
    {
        var b = Scenarios.PrivateEndpoints(style).Remove("privateRtA").Remove("privateRtC").Remove("privateRt");
        PropertyValue main = style == RefStyle.Id ? new StringValue("rtb-0main") : new ReferenceValue(b["vpc"].Urn, "mainRouteTableId");
        b.Set("s3", "routeTableIds", new[] { main });
        var resources = InputForms.WithOutputs(b.Build(), "vpc", ("defaultRouteTableId", "rtb-0main"), ("mainRouteTableId", "rtb-0main"));
        Expect.Mandatory(resources, null);
        b.Set("s3", "routeTableIds", Array.Empty<string>());
        Expect.Mandatory(InputForms.WithOutputs(b.Build(), "vpc", ("defaultRouteTableId", "rtb-0main")), null, (Endpoints, "app"));
    }

    [Fact]
    public void AssociationWithTheDefaultTableById()
    {
        var b = Scenarios.PrivateEndpoints().Remove("privateRtC");
        b.Add("aws:ec2/routeTableAssociation:RouteTableAssociation", "mainC", ("subnetId", b.Ref("taskC")), ("routeTableId", new ReferenceValue(b["vpc"].Urn, "defaultRouteTableId")));
        b.Add("aws:ec2/vpcEndpointRouteTableAssociation:VpcEndpointRouteTableAssociation", "s3Main", ("vpcEndpointId", b.Ref("s3")), ("routeTableId", new ReferenceValue(b["vpc"].Urn, "defaultRouteTableId")));
        Expect.Mandatory(b);
        b.Remove("s3Main");
        Expect.Mandatory(b, (Endpoints, "app"));
    }

    // Issue 9 item 6: an image, a secret or a log stream in another Region needs an internet path ("VPC endpoints
    // currently don't support cross-Region requests"); the fix named is one that works.
    private static StackBuilder CrossRegion(RefStyle style, string change)
    {
        var b = Scenarios.PrivateEndpoints(style);
        var logs = Obj(("logDriver", "awslogs"), ("options", Obj(("awslogs-group", "/ecs/app"), ("awslogs-region", change == "logs" ? "us-east-1" : Scenarios.Region), ("awslogs-stream-prefix", "app"))));
        b.Set("appTask", "containerDefinitions", new[]
        {
            Obj(
                ("name", "app"),
                ("image", change == "image" ? "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1" : Scenarios.Image),
                ("logConfiguration", logs),
                ("secrets", new[] { Obj(("name", "DB"), ("valueFrom", change == "secret" ? "arn:aws:secretsmanager:us-west-2:123456789012:secret:db-AbCdEf" : Scenarios.SecretArn)) })),
        });
        return b;
    }

    [Theory]
    [InlineData(RefStyle.Reference, "image", "ecr.dkr (us-east-1)")]
    [InlineData(RefStyle.Id, "image", "ecr.dkr (us-east-1)")]
    [InlineData(RefStyle.Reference, "secret", "secretsmanager (us-west-2)")]
    [InlineData(RefStyle.Id, "logs", "logs (us-east-1)")]
    public void AnotherRegionNeedsAnInternetPath(RefStyle style, string change, string row)
    {
        var evaluation = Expect.Mandatory(CrossRegion(style, change).Build(), null, (Endpoints, "app"));
        var message = evaluation.Violations.First(v => v.Policy == Endpoints).Message;
        Assert.Contains("NAT gateway route", message, StringComparison.Ordinal);
        Assert.DoesNotContain("create the missing interface endpoints", message, StringComparison.Ordinal);
        Assert.Contains(evaluation.Reachability, r => r.Destination == row && r.Path == "none");
    }

    [Theory]
    [InlineData("image")]
    [InlineData("secret")]
    [InlineData("logs")]
    public void WithANatPathTheOtherRegionIsReached(string change)
    {
        var b = CrossRegion(RefStyle.Reference, change);
        Scenarios.PublicNat(b);
        b.Add("aws:ec2/route:Route", "defaultToNat", ("routeTableId", b.Ref("privateRt")), ("destinationCidrBlock", "0.0.0.0/0"), ("natGatewayId", b.Ref("nat")));
        var evaluation = Expect.Mandatory(b);
        Assert.Contains(evaluation.Reachability, r => r.Destination.EndsWith(')') && r.Path == "nat-gateway");
    }

    [Fact]
    public void ImageFromAnotherRegistryNamesAFixThatWorks()
    {
        var b = Scenarios.PrivateEndpoints();
        b.Set("appTask", "containerDefinitions", new[] { Obj(("name", "app"), ("image", "public.ecr.aws/nginx/nginx:1.27")) });
        var message = Expect.Mandatory(b, (Endpoints, "app")).Violations.First(v => v.Policy == Endpoints).Message;
        Assert.Contains("push the image to a private ECR repository", message, StringComparison.Ordinal);
    }

    // Issue 9 item 4: task subnets outside the stack (ids from config, invokes, literal subnet- ids) keep the checks
    // that do not depend on routes (Scenarios.SelfOnlyGroup).
    [Theory]
    [InlineData(RefStyle.Reference, false)]
    [InlineData(RefStyle.Reference, true)]
    [InlineData(RefStyle.Id, false)]
    public void SelfOnlyEgressCannotReachS3(RefStyle style, bool invoke)
    {
        var evaluation = Expect.Mandatory(Scenarios.SelfOnlyGroup(style, invoke).Build(), null, (Endpoints, "app"));
        var message = evaluation.Violations.First(v => v.Policy == Endpoints).Message;
        Assert.Contains("com.amazonaws.ap-northeast-1.s3", message, StringComparison.Ordinal);
        Assert.DoesNotContain("ecr.dkr for", message, StringComparison.Ordinal);
        Assert.Contains("egress rule", message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenEgressOutsideSubnetsIsUnknownNotAViolation()
    {
        var b = Scenarios.SelfOnlyGroup(RefStyle.Reference, false);
        b.Set("taskSg", "egress", new[] { Obj(("protocol", "-1"), ("fromPort", 0), ("toPort", 0), ("cidrBlocks", new[] { "0.0.0.0/0" })), Obj(("protocol", "tcp"), ("fromPort", 443), ("toPort", 443), ("self", true)) });
        var evaluation = Expect.Mandatory(b.Build(), null);
        Assert.Contains(evaluation.Reachability, r => r.Destination == "s3" && r.Path == "unknown");
    }

    [Fact]
    public void OutsideVpcKnownByIdMatchesItsEndpoints()
    {
        // The VPC itself is outside the stack: the task group and the endpoints name it by the same literal id.
        var b = Scenarios.SelfOnlyGroup(RefStyle.Id, false).Remove("taskA").Remove("taskC").Remove("privateRtA").Remove("privateRtC");
        b.Remove("vpc");
        foreach (var name in new[] { "taskSg", "endpointSg", "ecr.api", "ecr.dkr", "logs", "secretsmanager", "s3", "privateRt" })
        {
            b.Set(name, "vpcId", "vpc-0outside");
        }

        foreach (var service in new[] { "ecr.api", "ecr.dkr", "logs", "secretsmanager" })
        {
            b.Set(service, "subnetIds", new[] { "subnet-0aaa1111", "subnet-0bbb2222" });
        }

        var evaluation = Expect.Mandatory(b.Build(), null, (Endpoints, "app"));
        Assert.Contains(evaluation.Reachability, r => r.Destination == "ecr.dkr" && r.Path == "interface-endpoint");
    }
}
