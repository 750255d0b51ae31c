using FargateNetwork.Policies.Pack;
using FargateNetwork.Policies.Tests.Model;
using static FargateNetwork.Policies.Tests.Model.StackBuilder;

namespace FargateNetwork.Policies.Tests.Rules;

/// <summary>Unknown values, secrets, missing optional properties and other providers never produce a violation by accident.</summary>
public class NoFalsePositiveTests
{
    private static readonly UnknownValue Unknown = UnknownValue.Instance;

    [Theory]
    [InlineData("ecr.api", "subnetIds")]
    [InlineData("ecr.api", "securityGroupIds")]
    [InlineData("ecr.api", "privateDnsEnabled")]
    [InlineData("ecr.api", "vpcId")]
    [InlineData("ecr.api", "serviceName")]
    [InlineData("s3", "routeTableIds")]
    [InlineData("vpc", "enableDnsHostnames")]
    [InlineData("endpointSg", "ingress")]
    [InlineData("privateRtA", "routeTableId")]
    [InlineData("app", "platformVersion")]
    [InlineData("appTask", "containerDefinitions")]
    public void AnUnknownValueInAGoodStackIsNotAViolation(string resource, string property) =>
        Expect.Violations(Scenarios.PrivateEndpoints().Set(resource, property, Unknown));

    [Theory]
    [InlineData("app", "networkConfiguration")]
    [InlineData("app", "launchType")]
    public void AnUnknownValueInABrokenStackHidesWhatItCovers(string resource, string property) =>
        Expect.Violations(Scenarios.PrivateEndpoints().Remove("ecr.api").Set(resource, property, Unknown));

    [Theory]
    [InlineData("privateRtA", "subnetId")]
    [InlineData("taskA", "vpcId")]
    public void AnUnknownValueOfOneSubnetHidesOnlyThatSubnet(string resource, string property)
    {
        var b = Scenarios.PrivateEndpoints().Remove("ecr.api").Set(resource, property, Unknown);
        var violation = Assert.Single(Expect.Evaluate(b).Violations);
        Assert.Equal("private-fargate-subnet-endpoints", violation.Policy);
        Assert.Contains("subnet taskC", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownRouteTargetIsNotAViolation()
    {
        var b = Scenarios.PublicNatEgress();
        b.Set("taskDefault", "gatewayId", Unknown);
        Expect.Violations(b);
    }

    [Fact]
    public void PreviewPropertyDependenciesResolveAnUnknownId()
    {
        var resources = Scenarios.PrivateEndpoints().Remove("ecr.api").Build().Select(r => r.Name != "privateRtA" ? r : r with
        {
            Inputs = new ObjectValue(new Dictionary<string, PropertyValue>(r.Inputs.Properties) { ["subnetId"] = Unknown }),
            PropertyDependencies = new Dictionary<string, IReadOnlyList<string>> { ["subnetId"] = ["urn:pulumi:test::fargate::aws:ec2/subnet:Subnet::taskA"] },
        }).ToList();
        var violations = FargatePack.Create(null).Evaluate(resources).Violations;
        Assert.Equal(2, violations.Count(v => v.Policy == "private-fargate-subnet-endpoints"));
    }

    [Fact]
    public void SecretValuesAreEvaluatedButNeverPrinted()
    {
        const string secretImage = "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/top-secret-image:1";
        var b = Scenarios.PrivateEndpoints().Remove("ecr.api").Remove("appLogs");
        b.Set("appTask", "containerDefinitions", new SecretValue(Value(new[]
        {
            Obj(("name", "app"), ("image", secretImage), ("logConfiguration", Obj(("logDriver", "awslogs"), ("options", Obj(("awslogs-group", new SecretValue(new StringValue("/secret/group")))))))),
        })));
        var evaluation = Expect.Evaluate(b);
        Assert.Contains(evaluation.Violations, v => v.Policy == "private-fargate-subnet-endpoints");
        Assert.All(evaluation.Violations, v => Assert.DoesNotContain("top-secret", v.Message, StringComparison.Ordinal));
        Assert.All(evaluation.Reachability, r => Assert.DoesNotContain("top-secret", r.Detail, StringComparison.Ordinal));
    }

    [Fact]
    public void SecretContainerDefinitionsAreShownAsSecret()
    {
        var b = Scenarios.PrivateEndpoints().Remove("appLogs");
        b.Set("appTask", "containerDefinitions", new SecretValue(new StringValue(
            "[{\"name\":\"app\",\"image\":\"docker.io/acme/top-secret-image:1\",\"logConfiguration\":{\"logDriver\":\"awslogs\",\"options\":{\"awslogs-group\":\"/top-secret/group\"}}}]")));
        var evaluation = Expect.Evaluate(b);
        Expect.Violations(b, ("private-fargate-subnet-endpoints", "app"), ("awslogs-log-group-exists", "appTask"));
        Assert.All(evaluation.Violations, v => Assert.DoesNotContain("top-secret", v.Message, StringComparison.Ordinal));
        Assert.All(evaluation.Violations, v => Assert.Contains("[secret]", v.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void SecretSubnetValuesAreShownAsSecret()
    {
        var b = Scenarios.PrivateEndpoints().Remove("ecr.api");
        b.Set("taskA", "availabilityZone", new SecretValue(new StringValue("ap-northeast-1a")));
        b.Set("taskA", "cidrBlock", new SecretValue(new StringValue("10.0.1.0/24")));
        var evaluation = Expect.Evaluate(b);
        Assert.Contains(evaluation.Violations, v => v.Message.Contains("subnet taskA ([secret])", StringComparison.Ordinal));
        Assert.DoesNotContain(evaluation.Reachability, r => r.AvailabilityZone == "ap-northeast-1a" && r.SubnetName == "taskA");
    }

    [Fact]
    public void MissingOptionalPropertiesDoNotCrash()
    {
        var b = new StackBuilder();
        b.Add("aws:ec2/vpc:Vpc", "vpc");
        b.Add("aws:ec2/subnet:Subnet", "s", ("vpcId", b.Ref("vpc")));
        b.Add("aws:ec2/routeTable:RouteTable", "rt");
        b.Add("aws:ec2/route:Route", "r");
        b.Add("aws:ec2/natGateway:NatGateway", "nat");
        b.Add("aws:ec2/vpcEndpoint:VpcEndpoint", "ep");
        b.Add("aws:ec2/securityGroup:SecurityGroup", "sg", ("ingress", new[] { Obj() }));
        b.Add("aws:ecs/taskDefinition:TaskDefinition", "td");
        b.Add("aws:ecs/service:Service", "svc", ("networkConfiguration", Obj()));
        b.Add("aws:lb/loadBalancer:LoadBalancer", "lb");
        b.Add("aws:lb/listener:Listener", "l");
        b.Add("aws:ec2/vpcEndpointService:VpcEndpointService", "es");
        b.Add("aws:cloudwatch/eventTarget:EventTarget", "et", ("ecsTarget", Obj()));
        b.Add("aws:scheduler/schedule:Schedule", "sch", ("target", Obj(("ecsParameters", Obj()))));
        // The one finding is a true one: AWS rejects a public NAT gateway without an Elastic IP.
        Expect.Violations(b, ("nat-gateway-in-public-subnet", "nat"));
    }

    [Fact]
    public void OtherProvidersAndUnrelatedResourcesChangeNothing()
    {
        var b = Scenarios.PrivateEndpoints().Remove("ecr.api");
        b.Add("gcp:compute/network:Network", "vpc2", ("name", "vpc"));
        b.Add("pulumi:providers:aws", "default", ("region", Scenarios.Region));
        b.Add("aws:s3/bucketV2:BucketV2", "assets");
        for (var i = 0; i < 10_000; i++)
        {
            b.Add("aws:sqs/queue:Queue", $"queue{i}", ("name", $"q{i}"));
        }

        Expect.Violations(b, ("private-fargate-subnet-endpoints", "app"));
    }
}
