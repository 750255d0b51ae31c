using System.Text.Json.Nodes;

namespace FargateNetwork.Infra.Tests.Config;

/// <summary>Issue 8 item 6 and issue 10 items 14-18: every problem in one run, no quoted free text, full-string matching, AWS limits.</summary>
public class ConfigErrorsTests
{
    private static string[] Lines(TestCompiler.Result result) => result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void EveryProblemOfAStackIsReportedInOneRunWithASuggestionForAMisspeltKey()
    {
        var config = TestConfig.PrivateEndpoints()
            .Set("fargate-network:vpcCidr", "10.0.0.0/8")
            .Set("fargate-network:fixedEgres", """{"destinations":["203.0.113.0/24"]}""")
            .Structured("workload", new JsonObject { ["image"] = "x:1", ["cpu"] = 300, ["imgae"] = "y" });
        var result = TestCompiler.RunMode(config);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        var lines = Lines(result);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.Contains("config fargate-network:fixedEgres:", StringComparison.Ordinal) && l.Contains("did you mean `fargate-network:fixedEgress`?", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("config fargate-network:vpcCidr:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("config fargate-network:workload.imgae:", StringComparison.Ordinal) && l.Contains("did you mean `image`?", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.Contains("Fix: ", l));
    }

    [Theory]
    [InlineData("fargate-network:vpcCidr", "decrypted-secret-value")]
    [InlineData("fargate-network:topology", "decrypted-secret-value")]
    [InlineData("aws:region", "decrypted-secret-value")]
    [InlineData("fargate-network:availabilityZones", """["decrypted-secret-value"]""")]
    [InlineData("fargate-network:workload", """{"image":"decrypted secret value"}""")]
    [InlineData("fargate-network:tags", """{"team":"decrypted\nsecret"}""")]
    [InlineData("fargate-network:workload", """{"image":"x:1","secrets":[{"name":"A","valueFrom":"decrypted-secret-value"}]}""")]
    public void ErrorsNameTheKeyAndRuleButNeverQuoteFreeText(string key, string value)
    {
        var result = TestCompiler.RunMode(TestConfig.PrivateEndpoints().Set(key, value));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(key, result.Stderr);
        Assert.DoesNotContain("decrypted", result.Stderr);
    }

    [Theory]
    [InlineData("aws:region", "ap-northeast-1\n")]
    [InlineData("fargate-network:availabilityZones", """["ap-northeast-1a\n"]""")]
    [InlineData("fargate-network:extraEndpoints", """["sts\n"]""")]
    [InlineData("fargate-network:workload", """{"image":"x:1","kind":"scheduled","schedule":"rate(10 minutes)\n"}""")]
    [InlineData("fargate-network:workload", """{"image":"x:1\n"}""")]
    [InlineData("fargate-network:workload", """{"image":"x:1","secrets":[{"name":"A\n","valueFrom":"arn:aws:ssm:ap-northeast-1:123456789012:parameter/a"}]}""")]
    [InlineData("fargate-network:workload", """{"image":"x:1","secrets":[{"name":"A","valueFrom":"arn:aws:ssm:ap-northeast-1:123456789012:parameter/a\n"}]}""")]
    [InlineData("fargate-network:privateLink", """{"enabled":true,"allowedPrincipals":["arn:aws:iam::123456789012:root\n"]}""")]
    [InlineData("fargate-network:fixedEgress", """{"destinations":["203.0.113.0/24"],"elasticIpAllocationIds":["eipalloc-0123456789abcdef0\n"]}""")]
    public void ATrailingNewlineNeverPassesAPattern(string key, string value)
    {
        var config = TestConfig.PrivateEndpoints().Structured("workload", new JsonObject { ["image"] = "x:1", ["port"] = 8080 }).Set(key, value);
        var result = TestCompiler.RunMode(config);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains($"config {key}", result.Stderr);
    }

    [Fact]
    public void AKeyGivenTwiceInAStructuredValueIsOneClearError()
    {
        var result = CompilerProcess.Run(new Dictionary<string, string?>
        {
            ["PULUMI_STACK"] = "dev",
            ["PULUMI_PROJECT"] = "fargate-network",
            ["PULUMI_CONFIG"] = TestConfig.PrivateEndpoints().Set("fargate-network:workload", """{"image":"a:1","image":"b:2"}""").ToJson(),
        });
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        var line = Assert.Single(Lines(result));
        Assert.StartsWith("fargate-network: config fargate-network:workload.image: is given twice", line, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> AwsLimits() => new()
    {
        { "fargate-network:tags", new JsonObject { ["team"] = new string('a', 257) }.ToJsonString() },
        { "fargate-network:tags", new JsonObject { [new string('k', 129)] = "a" }.ToJsonString() },
        { "fargate-network:tags", new JsonObject(Enumerable.Range(0, 61).Select(i => new KeyValuePair<string, JsonNode?>($"t{i}", "v"))).ToJsonString() },
        { "fargate-network:tags", new JsonObject { ["aws:team"] = "a" }.ToJsonString() },
        { "fargate-network:workload", new JsonObject { ["image"] = "repo/" + new string('a', 5000) + ":1" }.ToJsonString() },
        { "fargate-network:workload", new JsonObject { ["image"] = "repo/app\u0000:1" }.ToJsonString() },
        { "fargate-network:workload", new JsonObject { ["image"] = "repo/app@sha256:abc" }.ToJsonString() },
        { "fargate-network:workload", new JsonObject { ["image"] = "x:1", ["secrets"] = new JsonArray(new JsonObject { ["name"] = new string('A', 10) + "-", ["valueFrom"] = "arn:aws:ssm:ap-northeast-1:123456789012:parameter/a" }) }.ToJsonString() },
    };

    [Theory]
    [MemberData(nameof(AwsLimits))]
    public void ValuesBeyondAwsLimitsAreRefused(string key, string value)
    {
        var result = TestCompiler.RunMode(TestConfig.PrivateEndpoints().Set(key, value));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"config {key}", result.Stderr);
    }

    [Fact]
    public void AnImageWithADigestAndTheMaximumTagCountCompile()
    {
        var tags = new JsonObject(Enumerable.Range(0, TagReader.MaxUserTags - 1).Select(i => new KeyValuePair<string, JsonNode?>($"t{i}", new string('v', 256))));
        var config = TestConfig.PrivateEndpoints()
            .Structured("tags", tags)
            .Structured("workload", new JsonObject { ["image"] = "111122223333.dkr.ecr.ap-northeast-1.amazonaws.com/a/b@sha256:" + new string('a', 64) });
        var result = TestCompiler.RunMode(config);
        Assert.True(result.ExitCode == 0, result.Stderr);
    }

    [Fact]
    public void MoreInterfaceEndpointsThanTheDefaultQuotaCompileWithAWarning()
    {
        var names = new JsonArray([.. Enumerable.Range(0, 60).Select(i => (JsonNode?)JsonValue.Create($"svc{i}"))]);
        var result = TestCompiler.RunMode(TestConfig.PrivateEndpoints().Structured("extraEndpoints", names));
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("fargate-network: warning: config fargate-network:extraEndpoints: the stack has 63 interface endpoints, more than the default quota of 50", result.Stderr);
    }

    [Fact]
    public void PlaceholdersWarnNamingTheKeyAndWhatToPutThere()
    {
        var result = TestCompiler.RunMode(TestConfig.PublicNatEgress());
        Assert.Equal(0, result.ExitCode);
        var lines = Lines(result);
        Assert.Contains(lines, l => l.StartsWith("fargate-network: warning: config fargate-network:fixedEgress.destinations: 203.0.113.0/24 is a documentation-only range", StringComparison.Ordinal) && l.Contains("partner", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("fargate-network: warning: config fargate-network:workload.image: the image is in account 123456789012", StringComparison.Ordinal) && l.Contains("push it to ECR in ap-northeast-1", StringComparison.Ordinal));

        var real = TestConfig.PublicNatEgress()
            .Structured("fixedEgress", new JsonObject { ["destinations"] = new JsonArray("52.94.0.10/32") })
            .Structured("workload", new JsonObject { ["image"] = "210987654321.dkr.ecr.ap-northeast-1.amazonaws.com/app:1" });
        Assert.Equal("", TestCompiler.RunMode(real).Stderr);
    }

    [Fact]
    public void AScheduledWorkloadWithExecSetsItOnTheEventBridgeTarget()
    {
        var config = TestConfig.PublicNatEgress().Structured("workload", new JsonObject
        {
            ["image"] = "x:1",
            ["kind"] = "scheduled",
            ["schedule"] = "rate(10 minutes)",
            ["enableExecuteCommand"] = true,
        });
        var result = TestCompiler.RunMode(config);
        Assert.True(result.ExitCode == 0, result.Stderr);
        var target = result.Template.Single("aws:cloudwatch/eventTarget:EventTarget");
        Assert.Equal(true, target.Map("ecsTarget")["enableExecuteCommand"]);

        var off = TestCompiler.RunMode(TestConfig.PublicNatEgress().Structured("workload", new JsonObject { ["image"] = "x:1", ["kind"] = "scheduled", ["schedule"] = "rate(1 hour)" }));
        Assert.Equal(false, off.Template.Single("aws:cloudwatch/eventTarget:EventTarget").Map("ecsTarget")["enableExecuteCommand"]);
    }
}
