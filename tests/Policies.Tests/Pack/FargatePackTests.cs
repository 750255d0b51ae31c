using System.Text.Json.Nodes;
using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Pack;
using FargateNetwork.Policies.Tests.Model;
using FargateNetwork.Policies.Tests.Rules;
using static FargateNetwork.Policies.Tests.Model.StackBuilder;

namespace FargateNetwork.Policies.Tests.Pack;

/// <summary>
/// The pack as a whole: its fourteen policies and their config, and what holds across every rule (known-good stacks
/// pass, every input form gives the same verdict, unknowns and secrets never make a violation or leak).
/// </summary>
public class FargatePackTests
{
    private static FargatePack Create(string json) => FargatePack.Create((JsonObject)JsonNode.Parse(json)!);

    [Fact]
    public void ThePackListsTheFourteenPoliciesOfTheContract()
    {
        Assert.Equal(
            [
                "private-fargate-subnet-endpoints", "ec2-launch-type-ecs-endpoints", "interface-endpoint-private-dns",
                "endpoint-security-group-allows-https", "endpoint-in-every-task-az", "nat-gateway-in-public-subnet",
                "no-route-to-nat-in-own-subnet", "fargate-public-ip-matches-subnet", "fixed-egress-through-nat",
                "image-pulls-through-nat", "privatelink-nlb-covers-target-azs", "endpoint-service-restricts-consumers",
                "awslogs-log-group-exists", "ecs-endpoint-policy-unsupported",
            ],
            FargatePack.Policies.Select(p => p.Name));
        var advisory = FargatePack.Policies.Where(p => p.EnforcementLevel == EnforcementLevel.Advisory).Select(p => p.Name).ToHashSet();
        Assert.Equal(["awslogs-log-group-exists", "ecs-endpoint-policy-unsupported", "endpoint-in-every-task-az", "image-pulls-through-nat"], advisory.Order(StringComparer.Ordinal));
        Assert.All(FargatePack.Policies, p => Assert.Equal("object", p.ConfigSchema["type"]!.GetValue<string>()));
    }

    [Fact]
    public void DisabledPolicyReportsNothing()
    {
        var b = Scenarios.PrivateEndpoints().Remove("ecr.api");
        Assert.Empty(Create("""{"private-fargate-subnet-endpoints":"disabled"}""").Evaluate(b.Build()).Violations);
        Assert.Empty(Create("""{"all":"disabled"}""").Evaluate(b.Build()).Violations);
    }

    [Fact]
    public void AllSetsEveryLevelAndPerPolicyEntriesWin()
    {
        var b = Scenarios.PrivateEndpoints().Remove("ecr.api").Remove("appLogs");
        var violations = Create("""{"all":{"enforcementLevel":"advisory"},"awslogs-log-group-exists":"mandatory"}""").Evaluate(b.Build()).Violations;
        Assert.Equal(EnforcementLevel.Advisory, violations.Single(v => v.Policy == "private-fargate-subnet-endpoints" && v.Message.Contains("taskA", StringComparison.Ordinal)).Level);
        Assert.Equal(EnforcementLevel.Mandatory, violations.Single(v => v.Policy == "awslogs-log-group-exists").Level);
    }

    [Theory]
    [InlineData("""{"no-such-policy":"advisory"}""", "unknown policy \"no-such-policy\"")]
    [InlineData("""{"image-pulls-through-nat":"loud"}""", "\"image-pulls-through-nat\" has enforcement level \"loud\"")]
    [InlineData("""{"image-pulls-through-nat":{"pullsPerDay":"many"}}""", "\"image-pulls-through-nat.pullsPerDay\" must be a number")]
    [InlineData("""{"image-pulls-through-nat":{"pullsPerDay":-1}}""", "\"image-pulls-through-nat.pullsPerDay\" must be at least 0")]
    [InlineData("""{"image-pulls-through-nat":{"pulls":10}}""", "\"image-pulls-through-nat\" has no property \"pulls\"")]
    [InlineData("""{"fixed-egress-through-nat":{"fixedEgressCidrs":"203.0.113.10/32"}}""", "\"fixed-egress-through-nat.fixedEgressCidrs\" must be a list")]
    [InlineData("""{"fixed-egress-through-nat":{"fixedEgressCidrs":["203.0.113.300/32"]}}""", "\"fixed-egress-through-nat.fixedEgressCidrs[0]\" is \"203.0.113.300/32\", which does not match the pattern")]
    [InlineData("""{"all":{"enforcementLevel":"advisory","pullsPerDay":1}}""", "\"all\" takes only \"enforcementLevel\"")]
    [InlineData("""{"awslogs-log-group-exists":42}""", "must be a level string")]
    public void InvalidConfigNamesThePolicyAndKey(string json, string expected)
    {
        var error = Assert.Throws<PolicyConfigException>(() => Create(json));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RemediateIsALevelAndEnvironmentsIsIgnored() =>
        Assert.Equal(EnforcementLevel.Remediate, Create("""{"environments":["prod"],"awslogs-log-group-exists":"remediate"}""").SettingsOf("awslogs-log-group-exists").Level);

    [Fact]
    public void SchemaDefaultsAreTheEffectiveProperties() =>
        Assert.Equal(100, FargatePack.Create(null).SettingsOf("image-pulls-through-nat").Number("pullsPerDay", -1));

    [Fact]
    public void AnalyzeResourceRunsOnlyResourceScopedPolicies()
    {
        var b = Scenarios.Ec2LaunchType().Set("ecs-agent", "policy", "{\"Statement\":[]}").Remove("ecr.api");
        var pack = FargatePack.Create(null);
        var endpoint = b.Build().Single(r => r.Name == "ecs-agent");
        Assert.Equal(["ecs-endpoint-policy-unsupported"], pack.AnalyzeResource(endpoint).Select(v => v.Policy));
        Assert.DoesNotContain(pack.AnalyzeStack(b.Build()), v => v.Policy == "ecs-endpoint-policy-unsupported");
        Assert.Contains(pack.AnalyzeStack(b.Build()), v => v.Policy == "ec2-launch-type-ecs-endpoints");
    }

    // Known-good stacks, one per network pattern and reference style, pass every policy.
    public static TheoryData<string, RefStyle> Stacks()
    {
        var data = new TheoryData<string, RefStyle>();
        foreach (var style in new[] { RefStyle.Reference, RefStyle.Id })
        {
            foreach (var name in new[] { "private-endpoints", "public-nat-egress", "private-endpoints+fixed-egress", "privatelink", "ec2-launch-type" })
            {
                data.Add(name, style);
            }
        }

        return data;
    }

    public static StackBuilder Stack(string name, RefStyle style) => name switch
    {
        "private-endpoints" => Scenarios.PrivateEndpoints(style),
        "public-nat-egress" => Scenarios.PublicNatEgress(style),
        "private-endpoints+fixed-egress" => Scenarios.PrivateEndpointsWithFixedEgress(style),
        "privatelink" => Scenarios.PrivateLink(style),
        "ec2-launch-type" => Scenarios.Ec2LaunchType(style),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Stacks))]
    public void KnownGoodStackHasNoViolation(string name, RefStyle style) => Expect.Violations(Stack(name, style));

    // The same stacks as a template (references, short type tokens, interpolations) and as a stack export give the same violations.
    public static TheoryData<string> Mutations() => ["none", "drop ecr.api", "private dns off", "nat in task subnet", "internet-facing nlb"];

    private static StackBuilder Mutated(string mutation, RefStyle style)
    {
        var b = mutation is "nat in task subnet" ? Scenarios.PublicNatEgress(style) : Scenarios.PrivateLink(style);
        return mutation switch
        {
            "drop ecr.api" => b.Remove("ecr.api"),
            "private dns off" => b.Set("logs", "privateDnsEnabled", false),
            "nat in task subnet" => b.Set("nat", "subnetId", b.Ref("taskA")),
            "internet-facing nlb" => b.Set("nlb", "internal", false),
            _ => b,
        };
    }

    private static HashSet<(string, string, string)> Violations(IReadOnlyList<StackResource> resources) =>
        FargatePack.Create(null).Evaluate(resources).Violations.Select(v => (v.Policy, v.Name, v.Message)).ToHashSet();

    [Theory]
    [MemberData(nameof(Mutations))]
    public void TemplateAndStackExportGiveTheSameViolations(string mutation)
    {
        var template = Violations(Mutated(mutation, RefStyle.Reference).Build());
        var export = Violations(Mutated(mutation, RefStyle.Id).Build());
        Assert.Equal(template.Order(), export.Order());
        Assert.Equal(mutation == "none", template.Count == 0);
    }

    [Fact]
    public void ShortTypeTokensOfPulumiYamlAreUnderstood()
    {
        var resources = Scenarios.PrivateEndpoints().Remove("ecr.api").Build()
            .Select(r => r with { Type = r.Type.Split(':') is [var pkg, var module, var member] ? $"{pkg}:{module.Split('/')[0]}:{member}" : r.Type })
            .ToList();
        Assert.Contains(resources, r => r.Type == "aws:ec2:VpcEndpoint");
        var violations = FargatePack.Create(null).Evaluate(resources).Violations;
        Assert.Equal(["private-fargate-subnet-endpoints"], violations.Select(v => v.Policy).Distinct());
    }

    [Fact]
    public void ReferencesInsideContainerDefinitionsAreResolved()
    {
        var b = Scenarios.PrivateEndpoints().Unset("appLogs", "name");
        b.Add("aws:ecr/repository:Repository", "repo");
        b.Set("appTask", "containerDefinitions", new[]
        {
            Obj(
                ("name", "app"),
                ("image", new ReferenceValue(b["repo"].Urn, "repositoryUrl")),
                ("logConfiguration", Obj(("logDriver", "awslogs"), ("options", Obj(("awslogs-group", new ReferenceValue(b["appLogs"].Urn, "name")))))),
                ("secrets", new[] { Obj(("name", "DB"), ("valueFrom", new ReferenceValue(b["appLogs"].Urn, "arn"))) })),
        });
        Expect.Violations(b);
        Expect.Violations(b.Remove("ecr.dkr"), ("private-fargate-subnet-endpoints", "app"));
    }

    [Fact]
    public void InterpolatedStringsAreUnknownNotLiterals()
    {
        var b = Scenarios.PrivateEndpoints().Unset("appLogs", "name");
        b.Set("appTask", "containerDefinitions", new[]
        {
            Obj(("name", "app"), ("image", "${repo.repositoryUrl}:1"), ("logConfiguration", Obj(("logDriver", "awslogs"), ("options", Obj(("awslogs-group", "${appLogs.name}")))))),
        });
        b.Set("app", "networkConfiguration", Obj(("subnets", new[] { "${taskA.id}", "${taskC.id}" }), ("securityGroups", b.Refs("taskSg"))));
        Expect.Violations(b);
    }

    // Unknown values, secrets, missing optional properties and other providers never produce a violation by accident.
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
