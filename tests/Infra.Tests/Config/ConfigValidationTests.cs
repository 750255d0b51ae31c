using System.Text.Json.Nodes;

namespace FargateNetwork.Infra.Tests.Config;

/// <summary>Bad config: exit 1, nothing on stdout, one stderr line naming the full key, the value and a fix.</summary>
public class ConfigValidationTests
{
    public static TheoryData<string, string, string, string> BadValues() => new()
    {
        // topology, key to set, value (raw, JSON for structured), key expected in the message
        { "private-endpoints", "fargate-network:topology", "hub-and-spoke", "fargate-network:topology" },
        { "private-endpoints", "fargate-network:vpcCidr", "10.0.0.1/16", "fargate-network:vpcCidr" },
        { "private-endpoints", "fargate-network:vpcCidr", "10.0.0.0/25", "fargate-network:vpcCidr" },
        { "private-endpoints", "fargate-network:vpcCidr", "10.0.0.0/8", "fargate-network:vpcCidr" },
        { "private-endpoints", "fargate-network:vpcCidr", "300.0.0.0/16", "fargate-network:vpcCidr" },
        { "private-endpoints", "fargate-network:availabilityZones", "[]", "fargate-network:availabilityZones" },
        { "private-endpoints", "fargate-network:availabilityZones", "[\"us-east-1a\"]", "fargate-network:availabilityZones" },
        { "private-endpoints", "fargate-network:availabilityZones", "[\"ap-northeast-1a\",\"ap-northeast-1a\"]", "fargate-network:availabilityZones" },
        { "private-endpoints", "fargate-network:availabilityZones", "[\"ap-northeast-1a\",\"ap-northeast-1b\",\"ap-northeast-1c\",\"ap-northeast-1d\",\"ap-northeast-1e\"]", "fargate-network:availabilityZones" },
        { "private-endpoints", "fargate-network:availabilityZones", "ap-northeast-1a", "fargate-network:availabilityZones" },
        { "private-endpoints", "fargate-network:fixedEgress", "{\"destinations\":[\"10.0.5.0/24\"]}", "fargate-network:fixedEgress.destinations" },
        { "private-endpoints", "fargate-network:fixedEgress", "{\"destinations\":[]}", "fargate-network:fixedEgress.destinations" },
        { "private-endpoints", "fargate-network:fixedEgress", "{\"destinations\":[\"203.0.113.0/24\"],\"natGateways\":\"two\"}", "fargate-network:fixedEgress.natGateways" },
        { "private-endpoints", "fargate-network:workload", "{\"image\":\"x:1\",\"cpu\":256,\"memory\":4096}", "fargate-network:workload.memory" },
        { "private-endpoints", "fargate-network:workload", "{\"image\":\"x:1\",\"cpu\":300}", "fargate-network:workload.cpu" },
        { "private-endpoints", "fargate-network:workload", "{\"image\":\"x:1\",\"kind\":\"scheduled\"}", "fargate-network:workload.schedule" },
        { "private-endpoints", "fargate-network:workload", "{\"image\":\"x:1\",\"kind\":\"scheduled\",\"schedule\":\"every 10 minutes\"}", "fargate-network:workload.schedule" },
        { "private-endpoints", "fargate-network:workload", "{\"image\":\"x:1\",\"secrets\":[{\"name\":\"A\",\"valueFrom\":\"arn:aws:s3:::bucket/key\"}]}", "fargate-network:workload.secrets.valueFrom" },
        { "private-endpoints", "fargate-network:workload", "{\"image\":\"x:1\",\"platformVersion\":\"1.3.0\"}", "fargate-network:workload.platformVersion" },
        { "private-endpoints", "fargate-network:workload", "{\"image\":\"x:1\",\"imgae\":\"y\"}", "fargate-network:workload.imgae" },
        { "private-endpoints", "fargate-network:workload", "{\"cpu\":256}", "fargate-network:workload.image" },
        { "private-endpoints", "fargate-network:privateLink", "{\"enabled\":true}", "fargate-network:workload.port" },
        { "public-nat-egress", "fargate-network:privateLink", "{\"enabled\":true}", "fargate-network:privateLink.enabled" },
        { "public-nat-egress", "fargate-network:fixedEgress", "null", "fargate-network:fixedEgress" },
        { "public-nat-egress", "fargate-network:extraEndpoints", "[\"sts\"]", "fargate-network:extraEndpoints" },
        { "private-endpoints", "fargate-network:extraEndpoints", "[\"s3\"]", "fargate-network:extraEndpoints" },
        { "private-endpoints", "fargate-network:vpcCdir", "10.0.0.0/16", "fargate-network:vpcCdir" },
        { "private-endpoints", "fargate-network:tags", "[\"a\"]", "fargate-network:tags" },
        { "private-endpoints", "aws:region", "tokyo", "aws:region" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void BadConfigNamesTheKeyValueAndFix(string topology, string key, string value, string expectedKey)
    {
        var config = (topology == "public-nat-egress" ? TestConfig.PublicNatEgress() : TestConfig.PrivateEndpoints()).Set(key, value);
        var result = TestCompiler.RunMode(config);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"fargate-network: config {expectedKey}:", line, StringComparison.Ordinal);
        Assert.Contains("Fix: ", line);
    }

    [Fact]
    public void MissingRequiredKeysAreNamed()
    {
        // topology has a default (private-endpoints, as in Pulumi.yaml), so a stack may leave it out.
        var withoutTopology = TestCompiler.RunMode(TestConfig.PrivateEndpoints().Remove("fargate-network:topology"));
        Assert.True(withoutTopology.ExitCode == 0, withoutTopology.Stderr);
        Assert.NotEmpty(withoutTopology.Template.OfType("aws:ec2/vpcEndpoint:VpcEndpoint"));
        Assert.Contains("fargate-network:availabilityZones", TestCompiler.RunMode(TestConfig.PrivateEndpoints().Remove("fargate-network:availabilityZones")).Stderr);
        Assert.Contains("fargate-network:workload", TestCompiler.RunMode(TestConfig.PrivateEndpoints().Remove("fargate-network:workload")).Stderr);
        Assert.Contains("aws:region", TestCompiler.RunMode(TestConfig.PrivateEndpoints().Remove("aws:region")).Stderr);
    }

    [Theory]
    [InlineData(256, 512, true)]
    [InlineData(256, 1536, false)]
    [InlineData(512, 4096, true)]
    [InlineData(1024, 9216, false)]
    [InlineData(4096, 30720, true)]
    [InlineData(8192, 20480, true)]
    [InlineData(8192, 17408, false)]
    [InlineData(16384, 122880, true)]
    public void FargateCpuMemoryPairsFollowTheAwsTable(int cpu, int memory, bool valid)
    {
        var config = TestConfig.PrivateEndpoints().Structured("workload", new JsonObject { ["image"] = "111122223333.dkr.ecr.ap-northeast-1.amazonaws.com/app:1", ["cpu"] = cpu, ["memory"] = memory });
        Assert.Equal(valid ? 0 : 1, TestCompiler.RunMode(config).ExitCode);
    }

    [Fact]
    public void SsmParameterAndSecretsManagerJsonKeyArnsGiveLeastPrivilegeReads()
    {
        var config = TestConfig.PrivateEndpoints().Structured("workload", new JsonObject
        {
            ["image"] = "111122223333.dkr.ecr.ap-northeast-1.amazonaws.com/app:1",
            ["secrets"] = new JsonArray(
                new JsonObject { ["name"] = "A", ["valueFrom"] = "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:db-AbCdEf:password::" },
                new JsonObject { ["name"] = "B", ["valueFrom"] = "arn:aws:ssm:ap-northeast-1:123456789012:parameter/app/b" }),
        });
        var result = TestCompiler.RunMode(config);
        Assert.True(result.ExitCode == 0, result.Stderr);
        var policy = System.Text.Json.JsonSerializer.Serialize(result.Template.Resources["execution-role-secrets-policy"].Map("policy")["fn::toJSON"]);
        Assert.Contains("\"arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:db-AbCdEf\"", policy);
        Assert.Contains("\"arn:aws:ssm:ap-northeast-1:123456789012:parameter/app/b\"", policy);
        Assert.Contains("ssm:GetParameters", policy);
        var endpoints = result.Template.OfType("aws:ec2/vpcEndpoint:VpcEndpoint").Select(e => (string)e["serviceName"]!).ToList();
        Assert.Contains("com.amazonaws.ap-northeast-1.secretsmanager", endpoints);
        Assert.Contains("com.amazonaws.ap-northeast-1.ssm", endpoints);
        Assert.DoesNotContain("com.amazonaws.ap-northeast-1.ssmmessages", endpoints);
    }
}
