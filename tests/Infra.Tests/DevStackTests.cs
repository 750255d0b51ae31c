namespace FargateNetwork.Infra.Tests;

/// <summary>Pulumi.dev.yaml: public-nat-egress, two AZs, one NAT, a task every 10 minutes.</summary>
public class DevStackTests
{
    private readonly ParsedTemplate template = TestCompiler.Stack("dev");

    [Fact]
    public void CreatesExactlyThePublicNatEgressResources()
    {
        var expected = new SortedDictionary<string, int>(StringComparer.Ordinal)
        {
            ["aws:cloudwatch/eventRule:EventRule"] = 1,
            ["aws:cloudwatch/eventTarget:EventTarget"] = 1,
            ["aws:cloudwatch/logGroup:LogGroup"] = 1,
            ["aws:ec2/eip:Eip"] = 1,
            ["aws:ec2/internetGateway:InternetGateway"] = 1,
            ["aws:ec2/natGateway:NatGateway"] = 1,
            ["aws:ec2/route:Route"] = 5, // per AZ: default → IGW, 203.0.113.0/24 → NAT; NAT table: default → IGW
            ["aws:ec2/routeTable:RouteTable"] = 3,
            ["aws:ec2/routeTableAssociation:RouteTableAssociation"] = 4,
            ["aws:ec2/securityGroup:SecurityGroup"] = 1,
            ["aws:ec2/subnet:Subnet"] = 4,
            ["aws:ec2/vpc:Vpc"] = 1,
            ["aws:ecs/cluster:Cluster"] = 1,
            ["aws:ecs/taskDefinition:TaskDefinition"] = 1,
            ["aws:iam/role:Role"] = 2,
            ["aws:iam/rolePolicy:RolePolicy"] = 1,
            ["aws:iam/rolePolicyAttachment:RolePolicyAttachment"] = 1,
        };
        Assert.Equal(expected, template.TypeCounts());
        Assert.Equal("fargate-network", template.Root["name"]);
        Assert.False(template.Root.ContainsKey("config"));
    }

    [Fact]
    public void VpcHasDnsSupportAndHostnames()
    {
        var vpc = template.Single("aws:ec2/vpc:Vpc");
        Assert.Equal("10.10.0.0/16", vpc["cidrBlock"]);
        Assert.Equal(true, vpc["enableDnsSupport"]);
        Assert.Equal(true, vpc["enableDnsHostnames"]);
    }

    [Fact]
    public void TaskRouteTablesSendDefaultToIgwAndDestinationToTheSingleNat()
    {
        var nat = template.Single("aws:ec2/natGateway:NatGateway");
        var igw = template.Single("aws:ec2/internetGateway:InternetGateway");
        foreach (var az in new[] { "ap-northeast-1a", "ap-northeast-1c" })
        {
            var table = template.Resources[$"task-route-table-{az}"];
            var routes = template.OfType("aws:ec2/route:Route").Where(r => (string?)r["routeTableId"] == table.Ref("id")).ToList();
            Assert.Equal(2, routes.Count);
            Assert.Contains(routes, r => (string?)r["destinationCidrBlock"] == "0.0.0.0/0" && (string?)r["gatewayId"] == igw.Ref("id"));
            Assert.Contains(routes, r => (string?)r["destinationCidrBlock"] == "203.0.113.0/24" && (string?)r["natGatewayId"] == nat.Ref("id"));
        }

        var natTable = template.Resources["nat-route-table"];
        var natRoute = Assert.Single(template.OfType("aws:ec2/route:Route"), r => (string?)r["routeTableId"] == natTable.Ref("id"));
        Assert.Equal("0.0.0.0/0", natRoute["destinationCidrBlock"]);
        Assert.Equal(igw.Ref("id"), natRoute["gatewayId"]);
    }

    [Fact]
    public void NatSitsInANatSubnetWithAnEip()
    {
        var nat = template.Single("aws:ec2/natGateway:NatGateway");
        var subnet = template.Target(nat["subnetId"]);
        Assert.StartsWith("nat-subnet-", subnet.Name);
        Assert.Equal("ap-northeast-1a", subnet["availabilityZone"]);
        Assert.Equal("aws:ec2/eip:Eip", template.Target(nat["allocationId"]).Type);
        var eip = template.Single("aws:ec2/eip:Eip");
        Assert.Equal("vpc", eip["domain"]);
        // Partners allow-list the address: protected, kept on destroy, named by NAT number (not AZ or Region).
        Assert.Equal("nat-eip-1", eip.Name);
        Assert.Equal(true, eip.Options["protect"]);
        Assert.Equal(true, eip.Options["retainOnDelete"]);
        Assert.Equal(true, nat.Options["deleteBeforeReplace"]);
        Assert.Equal([nat.Ref("publicIp")], Assert.IsType<List<object?>>(template.Outputs["fixedEgressIps"]));
        Assert.Equal(nat.Ref("publicIp"), Assert.IsType<Dictionary<string, object?>>(template.Outputs["fixedEgressIpsByAz"])["ap-northeast-1a"]);
    }

    [Fact]
    public void ScheduleRunsTheTaskEvery10MinutesInPublicSubnetsWithPublicIp()
    {
        var rule = template.Single("aws:cloudwatch/eventRule:EventRule");
        Assert.Equal("rate(10 minutes)", rule["scheduleExpression"]);
        var target = template.Single("aws:cloudwatch/eventTarget:EventTarget");
        Assert.Equal(rule.Ref("name"), target["rule"]);
        Assert.Equal(template.Single("aws:ecs/cluster:Cluster").Ref("arn"), target["arn"]);
        var ecs = target.Map("ecsTarget");
        Assert.Equal(template.Single("aws:ecs/taskDefinition:TaskDefinition").Ref("arn"), ecs["taskDefinitionArn"]);
        Assert.Equal("FARGATE", ecs["launchType"]);
        Assert.Equal("LATEST", ecs["platformVersion"]);
        var network = Assert.IsType<Dictionary<string, object?>>(ecs["networkConfiguration"]);
        Assert.Equal(true, network["assignPublicIp"]);
        Assert.Equal(
            ["${task-subnet-ap-northeast-1a.id}", "${task-subnet-ap-northeast-1c.id}"],
            Assert.IsType<List<object?>>(network["subnets"]));
        Assert.Equal(["${task-security-group.id}"], Assert.IsType<List<object?>>(network["securityGroups"]));

        var role = template.Target(target["roleArn"]);
        Assert.Contains("events.amazonaws.com", Json(role["assumeRolePolicy"]));
        var policy = Json(template.Resources["schedule-role-policy"]["policy"]);
        Assert.Contains("ecs:RunTask", policy);
        Assert.Contains("iam:PassRole", policy);
        Assert.Contains("${execution-role.arn}", policy);
    }

    [Fact]
    public void EveryTaggableResourceHasTheConfiguredTagsAndAName()
    {
        foreach (var resource in template.Resources.Values.Where(r => r.Properties.ContainsKey("tags")))
        {
            var tags = resource.Map("tags");
            // Tag values are references to the stack's config, so Pulumi keeps a secret tag value secret.
            Assert.Equal("${tags[\"environment\"]}", tags["environment"]);
            Assert.Equal($"${{pulumi.project}}-${{pulumi.stack}}-{resource.Name}", tags["Name"]);
        }

        Assert.Equal(18, template.Resources.Values.Count(r => r.Properties.ContainsKey("tags")));
    }

    [Fact]
    public void EveryResourcePinsTheProviderVersion()
    {
        Assert.All(template.Resources.Values, r => Assert.Equal("7.48.0", r.Options["version"]));
    }

    private static string Json(object? fnToJson) =>
        System.Text.Json.JsonSerializer.Serialize(Assert.IsType<Dictionary<string, object?>>(fnToJson)["fn::toJSON"]);
}
