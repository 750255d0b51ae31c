namespace FargateNetwork.Infra.Tests;

/// <summary>Pulumi.prod.yaml: private-endpoints, three AZs, a NAT per AZ for fixed egress, a service with a Secrets Manager secret behind PrivateLink.</summary>
public class ProdStackTests
{
    private static readonly string[] Zones = ["ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d"];
    private readonly ParsedTemplate template = TestCompiler.Stack("prod");

    [Fact]
    public void CreatesExactlyThePrivateEndpointsResources()
    {
        var expected = new SortedDictionary<string, int>(StringComparer.Ordinal)
        {
            ["aws:cloudwatch/logGroup:LogGroup"] = 1,
            ["aws:ec2/eip:Eip"] = 3,
            ["aws:ec2/internetGateway:InternetGateway"] = 1,
            ["aws:ec2/natGateway:NatGateway"] = 3,
            ["aws:ec2/route:Route"] = 7, // 3 AZs × 2 destinations → NAT, plus the NAT table's default → IGW
            ["aws:ec2/routeTable:RouteTable"] = 4,
            ["aws:ec2/routeTableAssociation:RouteTableAssociation"] = 6,
            ["aws:ec2/securityGroup:SecurityGroup"] = 2,
            ["aws:ec2/subnet:Subnet"] = 6,
            ["aws:ec2/vpc:Vpc"] = 1,
            ["aws:ec2/vpcEndpoint:VpcEndpoint"] = 5, // ecr.dkr, ecr.api, logs, secretsmanager + s3 gateway
            ["aws:ec2/vpcEndpointService:VpcEndpointService"] = 1,
            ["aws:ecs/cluster:Cluster"] = 1,
            ["aws:ecs/service:Service"] = 1,
            ["aws:ecs/taskDefinition:TaskDefinition"] = 1,
            ["aws:iam/role:Role"] = 1,
            ["aws:iam/rolePolicy:RolePolicy"] = 1,
            ["aws:iam/rolePolicyAttachment:RolePolicyAttachment"] = 1,
            ["aws:lb/listener:Listener"] = 1,
            ["aws:lb/loadBalancer:LoadBalancer"] = 1,
            ["aws:lb/targetGroup:TargetGroup"] = 1,
        };
        Assert.Equal(expected, template.TypeCounts());
    }

    [Fact]
    public void InterfaceEndpointsAreTheFargateSetWithPrivateDnsInEveryTaskSubnet()
    {
        var interfaces = template.OfType("aws:ec2/vpcEndpoint:VpcEndpoint").Where(e => (string?)e["vpcEndpointType"] == "Interface").ToList();
        Assert.Equal(
            ["com.amazonaws.ap-northeast-1.ecr.api", "com.amazonaws.ap-northeast-1.ecr.dkr", "com.amazonaws.ap-northeast-1.logs", "com.amazonaws.ap-northeast-1.secretsmanager"],
            interfaces.Select(e => (string)e["serviceName"]!).Order(StringComparer.Ordinal));
        foreach (var endpoint in interfaces)
        {
            Assert.Equal(true, endpoint["privateDnsEnabled"]);
            Assert.Equal(Zones.Select(z => (object?)$"${{task-subnet-{z}.id}}"), endpoint.List("subnetIds"));
            Assert.Equal(["${endpoint-security-group.id}"], endpoint.List("securityGroupIds"));
            Assert.Equal("${vpc.id}", endpoint["vpcId"]);
        }

        var s3 = template.Resources["endpoint-s3"];
        Assert.Equal("Gateway", s3["vpcEndpointType"]);
        Assert.Equal("com.amazonaws.ap-northeast-1.s3", s3["serviceName"]);
        Assert.Equal(Zones.Select(z => (object?)$"${{task-route-table-{z}.id}}"), s3.List("routeTableIds"));
    }

    [Fact]
    public void EndpointSecurityGroupAdmitsHttpsFromTheTaskSubnetsOnly()
    {
        var rule = Assert.IsType<Dictionary<string, object?>>(Assert.Single(template.Resources["endpoint-security-group"].List("ingress")));
        Assert.Equal("tcp", rule["protocol"]);
        Assert.Equal(443L, rule["fromPort"]);
        Assert.Equal(443L, rule["toPort"]);
        Assert.Equal(["10.20.0.0/19", "10.20.32.0/19", "10.20.64.0/19"], Assert.IsType<List<object?>>(rule["cidrBlocks"]));
    }

    [Fact]
    public void OnlyDestinationsRouteToTheSameAzNatAndNoDefaultRouteLeavesTaskSubnets()
    {
        foreach (var (az, number) in Zones.Select((z, i) => (z, i + 1)))
        {
            var table = template.Resources[$"task-route-table-{az}"];
            var routes = template.OfType("aws:ec2/route:Route").Where(r => (string?)r["routeTableId"] == table.Ref("id")).ToList();
            Assert.Equal(["198.51.100.10/32", "203.0.113.0/24"], routes.Select(r => (string)r["destinationCidrBlock"]!).Order(StringComparer.Ordinal));
            Assert.All(routes, r => Assert.Equal($"${{nat-gateway-{number}.id}}", r["natGatewayId"]));
            var nat = template.Resources[$"nat-gateway-{number}"];
            Assert.Equal(az, template.Target(nat["subnetId"])["availabilityZone"]);
        }
    }

    [Fact]
    public void ServiceRunsInPrivateSubnetsBehindTheNlb()
    {
        var service = template.Single("aws:ecs/service:Service");
        Assert.Equal("FARGATE", service["launchType"]);
        Assert.Equal("LATEST", service["platformVersion"]);
        Assert.Equal(3L, service["desiredCount"]);
        var network = service.Map("networkConfiguration");
        Assert.Equal(false, network["assignPublicIp"]);
        Assert.Equal(Zones.Select(z => (object?)$"${{task-subnet-{z}.id}}"), Assert.IsType<List<object?>>(network["subnets"]));
        var lb = Assert.IsType<Dictionary<string, object?>>(Assert.Single(service.List("loadBalancers")));
        Assert.Equal("${nlb-target-group.arn}", lb["targetGroupArn"]);
        Assert.Equal("app", lb["containerName"]);
        Assert.Equal(8080L, lb["containerPort"]);
        Assert.Equal(["${nlb-listener}"], Assert.IsType<List<object?>>(service.Options["dependsOn"]));

        var nlb = template.Single("aws:lb/loadBalancer:LoadBalancer");
        Assert.Equal(true, nlb["internal"]);
        Assert.Equal("network", nlb["loadBalancerType"]);
        Assert.Equal(Zones.Select(z => (object?)$"${{task-subnet-{z}.id}}"), nlb.List("subnets"));
        var group = template.Single("aws:lb/targetGroup:TargetGroup");
        Assert.Equal("ip", group["targetType"]);
        Assert.Equal("TCP", group["protocol"]);
        var listener = template.Single("aws:lb/listener:Listener");
        Assert.Equal("TCP", listener["protocol"]);
        Assert.Equal(nlb.Ref("arn"), listener["loadBalancerArn"]);

        var endpointService = template.Single("aws:ec2/vpcEndpointService:VpcEndpointService");
        Assert.Equal(true, endpointService["acceptanceRequired"]);
        Assert.Equal(["arn:aws:iam::210987654321:root"], endpointService.List("allowedPrincipals"));
        Assert.Equal([nlb.Ref("arn")], endpointService.List("networkLoadBalancerArns"));
        Assert.Equal(endpointService.Ref("serviceName"), template.Outputs["endpointServiceName"]);

        var ingress = Assert.IsType<Dictionary<string, object?>>(Assert.Single(template.Resources["task-security-group"].List("ingress")));
        Assert.Equal(8080L, ingress["fromPort"]);
        Assert.Equal(["10.20.0.0/16"], Assert.IsType<List<object?>>(ingress["cidrBlocks"]));
    }

    [Fact]
    public void ExecutionRoleReadsExactlyTheConfiguredSecretAndTheTaskUsesAwslogs()
    {
        var policy = System.Text.Json.JsonSerializer.Serialize(template.Resources["execution-role-secrets-policy"].Map("policy")["fn::toJSON"]);
        Assert.Contains("\"secretsmanager:GetSecretValue\"", policy);
        Assert.Contains("arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:prod/db-password-AbCdEf", policy);
        Assert.DoesNotContain("ssm:GetParameters", policy);
        Assert.Equal("${execution-role.name}", template.Resources["execution-role-managed-policy"]["role"]);
        Assert.Equal("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy", template.Resources["execution-role-managed-policy"]["policyArn"]);

        var definition = template.Single("aws:ecs/taskDefinition:TaskDefinition");
        Assert.Equal("1024", definition["cpu"]);
        Assert.Equal("2048", definition["memory"]);
        Assert.Equal("awsvpc", definition["networkMode"]);
        Assert.Equal(["FARGATE"], definition.List("requiresCompatibilities"));
        var containers = Assert.IsType<List<object?>>(definition.Map("containerDefinitions")["fn::toJSON"]);
        var container = Assert.IsType<Dictionary<string, object?>>(Assert.Single(containers));
        var log = Assert.IsType<Dictionary<string, object?>>(container["logConfiguration"]);
        Assert.Equal("awslogs", log["logDriver"]);
        var options = Assert.IsType<Dictionary<string, object?>>(log["options"]);
        Assert.Equal("${log-group.name}", options["awslogs-group"]);
        Assert.Equal("ap-northeast-1", options["awslogs-region"]);
        Assert.Equal("app", options["awslogs-stream-prefix"]);
        var secret = Assert.IsType<Dictionary<string, object?>>(Assert.Single(Assert.IsType<List<object?>>(container["secrets"])));
        Assert.Equal("DB_PASSWORD", secret["name"]);
    }

    [Fact]
    public void OutputsNameVpcSubnetsEgressIpsEndpointsAndCluster()
    {
        Assert.Equal("${vpc.id}", template.Outputs["vpcId"]);
        Assert.Equal("${cluster.name}", template.Outputs["clusterName"]);
        Assert.Equal(3, Assert.IsType<List<object?>>(template.Outputs["fixedEgressIps"]).Count);
        Assert.Equal(3, Assert.IsType<List<object?>>(template.Outputs["taskSubnetIds"]).Count);
        Assert.Equal(["ecr.dkr", "ecr.api", "logs", "secretsmanager", "s3"], Assert.IsType<Dictionary<string, object?>>(template.Outputs["endpointIds"]).Keys);
    }
}
