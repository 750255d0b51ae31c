using System.Text.Json.Nodes;

namespace FargateNetwork.Infra.Tests.Resources;

/// <summary>Issue 13 item 2: the fixed egress IPs partners allow-list survive AZ and Region changes, and existing EIPs can be brought.</summary>
public class FixedEgressGatewaysTests
{
    private static TestConfig PerAz(string region, params string[] zones) => new TestConfig()
        .Set("aws:region", region)
        .Set("fargate-network:topology", "private-endpoints")
        .Structured("availabilityZones", new JsonArray([.. zones.Select(z => (JsonNode?)JsonValue.Create(z))]))
        .Structured("fixedEgress", new JsonObject { ["destinations"] = new JsonArray("52.94.0.10/32"), ["natGateways"] = "perAz" })
        .Structured("workload", new JsonObject { ["image"] = $"111122223333.dkr.ecr.{region}.amazonaws.com/app:1" });

    private static List<string> EipNames(TestConfig config)
    {
        var result = TestCompiler.RunMode(config);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return [.. result.Template.OfType("aws:ec2/eip:Eip").Select(e => e.Name).Order(StringComparer.Ordinal)];
    }

    [Fact]
    public void EipLogicalNamesDoNotChangeWithTheAzOrderOrTheRegion()
    {
        var before = EipNames(PerAz("ap-northeast-1", "ap-northeast-1a", "ap-northeast-1c"));
        Assert.Equal(["nat-eip-1", "nat-eip-2"], before);
        Assert.Equal(before, EipNames(PerAz("ap-northeast-1", "ap-northeast-1c", "ap-northeast-1a")));
        Assert.Equal(before, EipNames(PerAz("ap-northeast-1", "ap-northeast-1d", "ap-northeast-1c")));
        Assert.Equal(before, EipNames(PerAz("eu-west-1", "eu-west-1b", "eu-west-1a")));
    }

    [Fact]
    public void CreatedEipsAreProtectedAndRetainedAndEachNatIpIsAnOutput()
    {
        var template = TestCompiler.RunMode(PerAz("ap-northeast-1", "ap-northeast-1a", "ap-northeast-1c")).Template;
        Assert.All(template.OfType("aws:ec2/eip:Eip"), e =>
        {
            Assert.Equal(true, e.Options["protect"]);
            Assert.Equal(true, e.Options["retainOnDelete"]);
        });
        var byAz = Assert.IsType<Dictionary<string, object?>>(template.Outputs["fixedEgressIpsByAz"]);
        Assert.Equal("${nat-gateway-1.publicIp}", byAz["ap-northeast-1a"]);
        Assert.Equal("${nat-gateway-2.publicIp}", byAz["ap-northeast-1c"]);
        Assert.Equal(["${nat-gateway-1.publicIp}", "${nat-gateway-2.publicIp}"], Assert.IsType<List<object?>>(template.Outputs["fixedEgressIps"]));
    }

    [Fact]
    public void ExistingAllocationsAreUsedAsGivenAndNoEipIsCreated()
    {
        var config = PerAz("ap-northeast-1", "ap-northeast-1a", "ap-northeast-1c").Structured("fixedEgress", new JsonObject
        {
            ["destinations"] = new JsonArray("52.94.0.10/32"),
            ["natGateways"] = "perAz",
            ["elasticIpAllocationIds"] = new JsonArray("eipalloc-0123456789abcdef0", "eipalloc-12345678"),
        });
        var result = TestCompiler.RunMode(config);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Empty(result.Template.OfType("aws:ec2/eip:Eip"));
        Assert.Equal("eipalloc-0123456789abcdef0", result.Template.Resources["nat-gateway-1"]["allocationId"]);
        Assert.Equal("eipalloc-12345678", result.Template.Resources["nat-gateway-2"]["allocationId"]);
    }

    [Theory]
    [InlineData("perAz", """["eipalloc-0123456789abcdef0"]""", "lists 1 allocation ids, but the stack has 2 NAT gateway(s)")]
    [InlineData("single", """["eipalloc-0123456789abcdef0","eipalloc-12345678"]""", "lists 2 allocation ids, but the stack has 1 NAT gateway(s)")]
    [InlineData("single", """["eip-0123456789abcdef0"]""", "not an Elastic IP allocation id")]
    [InlineData("perAz", """["eipalloc-12345678","eipalloc-12345678"]""", "names an allocation twice")]
    public void AllocationIdsMustMatchTheNatGateways(string strategy, string ids, string expected)
    {
        var config = PerAz("ap-northeast-1", "ap-northeast-1a", "ap-northeast-1c")
            .Set("fargate-network:fixedEgress", $$"""{"destinations":["52.94.0.10/32"],"natGateways":"{{strategy}}","elasticIpAllocationIds":{{ids}}}""");
        var result = TestCompiler.RunMode(config);
        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("fargate-network: config fargate-network:fixedEgress.elasticIpAllocationIds:", line, StringComparison.Ordinal);
        Assert.Contains(expected, line);
    }
}
