using System.Text.Json.Nodes;
using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Pack;
using FargateNetwork.Policies.Tests.Model;

namespace FargateNetwork.Policies.Tests.Rules;

public class PolicyConfigTests
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
}
