using System.Text.Json.Nodes;

namespace FargateNetwork.Infra.Tests;

/// <summary>The compiler contract of Pulumi YAML, tested on the built compiler run as its own process.</summary>
public class CompilerContractTests
{
    private static Dictionary<string, string?> RunEnvironment(TestConfig config) => new()
    {
        ["PULUMI_STACK"] = "prod",
        ["PULUMI_PROJECT"] = "fargate-network",
        ["PULUMI_ORGANIZATION"] = "organization",
        ["PULUMI_ROOT_DIRECTORY"] = FargateNetwork.Tests.Shared.RepositoryRoot.Path,
        ["PULUMI_CONFIG"] = config.ToJson(),
    };

    [Fact]
    public void RunModePrintsOnlyTheTemplateFromPulumiConfigWithStructuredValuesAsJsonStrings()
    {
        var config = NetworkInvariantTests.Config("private-endpoints", 3, "10.20.0.0/16", "perAz", true)
            .Set("pulumi:tags", """{"pulumi:template":"fargate-network"}""");
        var result = CompilerProcess.Run(RunEnvironment(config));
        Assert.True(result.ExitCode == 0, result.Stderr);
        // Only placeholder warnings (documentation CIDRs, the documentation account's image) on stderr.
        Assert.All(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.StartsWith("fargate-network: warning: ", l, StringComparison.Ordinal));
        Assert.StartsWith("\"name\": \"fargate-network\"\n", result.Stdout, StringComparison.Ordinal);
        var template = result.Template;
        Assert.Equal(3, template.OfType("aws:ec2/natGateway:NatGateway").Count());
        Assert.Equal("10.20.0.0/16", template.Single("aws:ec2/vpc:Vpc")["cidrBlock"]);
        Assert.Single(template.OfType("aws:ec2/vpcEndpointService:VpcEndpointService"));
    }

    [Fact]
    public void ProjectNameComesFromPulumiProjectAndItsNamespaceIsAccepted()
    {
        var config = new TestConfig();
        foreach (var (key, value) in TestConfig.PrivateEndpoints().Values)
        {
            config.Set(key.Replace("fargate-network:", "my-app:", StringComparison.Ordinal), value);
        }

        var environment = RunEnvironment(config);
        environment["PULUMI_PROJECT"] = "my-app";
        var result = CompilerProcess.Run(environment);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("my-app", result.Template.Root["name"]);
    }

    [Fact]
    public void DiscoveryModeWithoutPulumiVariablesPrintsATemplateWithTheSamePackagesAndVersions()
    {
        var discovery = CompilerProcess.Run(new Dictionary<string, string?>());
        Assert.True(discovery.ExitCode == 0, discovery.Stderr);
        var run = CompilerProcess.Run(RunEnvironment(TestConfig.PublicNatEgress()));
        Assert.True(run.ExitCode == 0, run.Stderr);
        static HashSet<string> Packages(ParsedTemplate t) =>
            t.Resources.Values.Select(r => r.Type.Split(':')[0] + "@" + r.Options["version"]).ToHashSet();
        Assert.Equal(["aws@7.48.0"], Packages(discovery.Template));
        Assert.Equal(Packages(discovery.Template), Packages(run.Template));
        // Empty PULUMI_STACK is discovery too.
        var empty = CompilerProcess.Run(new Dictionary<string, string?> { ["PULUMI_STACK"] = "" });
        Assert.Equal(discovery.Stdout, empty.Stdout);
    }

    [Fact]
    public void PulumiConfigNullIsRunModeWithoutConfigAndNamesEveryRequiredKeyWithEmptyStdout()
    {
        var environment = RunEnvironment(new TestConfig());
        environment["PULUMI_CONFIG"] = "null";
        var result = CompilerProcess.Run(environment);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("fargate-network: config aws:region:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("fargate-network: config fargate-network:availabilityZones:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("fargate-network: config fargate-network:workload:", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.Contains("Fix:", l));
    }

    [Fact]
    public void PulumiStackWithoutPulumiConfigIsDiscoveryMode()
    {
        // The CLI lets users pick the stack with PULUMI_STACK and plugins inherit it; package discovery then runs the
        // compiler with PULUMI_STACK but without PULUMI_CONFIG, and must still get the discovery template.
        var discovery = CompilerProcess.Run(new Dictionary<string, string?>());
        var withStack = CompilerProcess.Run(new Dictionary<string, string?> { ["PULUMI_STACK"] = "prod", ["PULUMI_PROJECT"] = "fargate-network" });
        Assert.True(withStack.ExitCode == 0, withStack.Stderr);
        Assert.Equal("", withStack.Stderr);
        Assert.Equal(discovery.Stdout, withStack.Stdout);
    }

    [Fact]
    public void BadValueExits1WithOneLineNamingTheKeyValueAndFixAndEmptyStdout()
    {
        var config = TestConfig.PrivateEndpoints().Set("fargate-network:vpcCidr", "10.0.0.0/26");
        var result = CompilerProcess.Run(RunEnvironment(config));
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("fargate-network:vpcCidr", line);
        Assert.Contains("10.0.0.0/26", line);
        Assert.Contains("Fix:", line);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public void BadCommandLineExits2()
    {
        var result = CompilerProcess.Run(new Dictionary<string, string?>(), null, "--stak", "dev");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("--stak", result.Stderr);
    }

    [Fact]
    public void StackModeReadsTheStackFileAndMatchesRunMode()
    {
        var fromFile = CompilerProcess.Run(new Dictionary<string, string?>(), null, "--stack", "dev");
        Assert.True(fromFile.ExitCode == 0, fromFile.Stderr);
        var config = new TestConfig()
            .Set("aws:region", "ap-northeast-1")
            .Set("fargate-network:topology", "public-nat-egress")
            .Set("fargate-network:vpcCidr", "10.10.0.0/16")
            .Structured("availabilityZones", new JsonArray("ap-northeast-1a", "ap-northeast-1c"))
            .Structured("fixedEgress", new JsonObject { ["destinations"] = new JsonArray("203.0.113.0/24"), ["natGateways"] = "single" })
            .Structured("workload", new JsonObject
            {
                ["kind"] = "scheduled",
                ["schedule"] = "rate(10 minutes)",
                ["image"] = "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/partner-sync:1.0",
                ["cpu"] = "256",
                ["memory"] = "512",
            })
            .Structured("tags", new JsonObject { ["environment"] = "dev", ["project"] = "fargate-network" });
        var run = CompilerProcess.Run(RunEnvironment(config));
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(run.Stdout, fromFile.Stdout);
    }

    [Fact]
    public void SecureValueInAStackFileBecomesAMarkedPlaceholderWithAWarning()
    {
        var dir = Directory.CreateTempSubdirectory("fargate-network-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "Pulumi.yaml"), "name: fargate-network\nruntime: yaml\n");
            File.WriteAllText(Path.Combine(dir, "Pulumi.sec.yaml"), """
                config:
                  aws:region: ap-northeast-1
                  fargate-network:topology: private-endpoints
                  fargate-network:availabilityZones: [ap-northeast-1a]
                  fargate-network:workload:
                    image: 123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/app:1
                  fargate-network:tags:
                    owner:
                      secure: v1:AAAAbase64ciphertext
                """);
            var result = CompilerProcess.Run(new Dictionary<string, string?>(), dir, "--stack", "sec");
            Assert.True(result.ExitCode == 0, result.Stderr);
            Assert.Contains("warning: Pulumi.sec.yaml: fargate-network:tags holds a secure value", result.Stderr);
            // The tag value is a reference to the stack's config: Pulumi fills in the decrypted value and keeps it secret.
            Assert.Equal("${tags[\"owner\"]}", result.Template.Single("aws:ec2/vpc:Vpc").Map("tags")["owner"]);
            Assert.DoesNotContain("AAAAbase64ciphertext", result.Stdout);
            Assert.DoesNotContain(StackFile.SecurePlaceholder, result.Stdout);

            File.WriteAllText(Path.Combine(dir, "Pulumi.bad.yaml"), "config:\n  fargate-network:topology: star\n  aws:region: ap-northeast-1\n");
            var bad = CompilerProcess.Run(new Dictionary<string, string?>(), dir, "--stack", "bad");
            Assert.Equal(1, bad.ExitCode);
            Assert.Equal("", bad.Stdout);
            // The value is not quoted: it could be a decrypted secret typed under the wrong key.
            Assert.Contains("fargate-network:topology in Pulumi.bad.yaml: is not a topology", bad.Stderr);
            Assert.DoesNotContain("star", bad.Stderr);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void TagValuesReachTheTemplateAsConfigReferencesNeverAsText()
    {
        var config = TestConfig.PrivateEndpoints()
            .Structured("tags", new JsonObject { ["owner"] = "decrypted-secret-value", ["cost center"] = 42, ["empty"] = "" });
        var result = CompilerProcess.Run(RunEnvironment(config));
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.DoesNotContain("decrypted-secret-value", result.Stdout);
        var tags = result.Template.Single("aws:ec2/vpc:Vpc").Map("tags");
        Assert.Equal("${tags[\"owner\"]}", tags["owner"]);
        Assert.Equal(new Dictionary<string, object?> { ["fn::toJSON"] = "${tags[\"cost center\"]}" }, tags["cost center"]);
        Assert.Equal("", tags["empty"]);
        Assert.Equal("${pulumi.project}-${pulumi.stack}-vpc", tags["Name"]);

        // In a project renamed by `pulumi new`, a key still in the fargate-network namespace keeps its full name.
        var renamed = RunEnvironment(config);
        renamed["PULUMI_PROJECT"] = "my-app";
        var other = CompilerProcess.Run(renamed);
        Assert.True(other.ExitCode == 0, other.Stderr);
        Assert.Equal("${fargate-network:tags[\"owner\"]}", other.Template.Single("aws:ec2/vpc:Vpc").Map("tags")["owner"]);
    }

    [Fact]
    public void CompilerCommandOfPulumiYamlBuildsIfNeededAndPrintsOnlyTheTemplate()
    {
        var pulumiYaml = File.ReadAllText(FargateNetwork.Tests.Shared.RepositoryRoot.File("Pulumi.yaml"));
        Assert.Contains("compiler: sh infra/compile.sh", pulumiYaml);
        var environment = RunEnvironment(TestConfig.PublicNatEgress());
        var viaScript = CompilerProcess.Start("sh", ["infra/compile.sh"], environment);
        Assert.True(viaScript.ExitCode == 0, viaScript.Stderr);
        var direct = CompilerProcess.Run(environment);
        Assert.Equal(direct.Stdout, viaScript.Stdout);
    }

    [Fact]
    public void WithoutYamlDotNetAnInternalErrorIsOneLineExit70InEveryMode()
    {
        var dir = Directory.CreateTempSubdirectory("fargate-network-compiler-").FullName;
        try
        {
            var built = Path.GetDirectoryName(CompilerProcess.Dll)!;
            foreach (var file in Directory.GetFiles(built).Where(f => Path.GetFileName(f) != "YamlDotNet.dll"))
            {
                File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
            }

            // Run mode reads its own template back with the pack's reader (PackVerdict), --stack mode reads the stack
            // file: both need YamlDotNet, and its absence is an unexpected failure reported without a stack trace.
            var dll = Path.Combine(dir, "fargate-network-compiler.dll");
            var run = CompilerProcess.Start("dotnet", [dll], RunEnvironment(TestConfig.PublicNatEgress()));
            Assert.Equal((70, ""), (run.ExitCode, run.Stdout));
            Assert.StartsWith("fargate-network: internal error", Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);

            var broken = CompilerProcess.Start("dotnet", [dll, "--stack", "dev"], new Dictionary<string, string?>());
            Assert.Equal(70, broken.ExitCode);
            Assert.Equal("", broken.Stdout);
            var line = Assert.Single(broken.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("fargate-network: internal error", line, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", broken.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
