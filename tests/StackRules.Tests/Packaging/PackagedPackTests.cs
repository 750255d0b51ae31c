using System.Text.Json.Nodes;
using FargateNetwork.Tests.Shared;

namespace StackRules.Tests.Packaging;

/// <summary>
/// Issue 14's proof: a team's own pack, created with <c>dotnet new stackrules-pack</c> from the PACKED template and
/// built against the PACKED SDK through a local NuGet source, published, then driven as the Pulumi CLI drives it
/// (tests/Analyzer.Tests/interop/engine.js, the official generated classes of <c>@pulumi/pulumi</c>): its policy
/// reports, its config applies, its remediation comes back, an unknown stays silent and a secret stays secret; and
/// its offline <c>check</c> works.
/// </summary>
public sealed class PackagedPackTests(PackagedSdk sdk) : IClassFixture<PackagedSdk>
{
    private const string Stack = """
        {
          "project": "team", "stack": "dev",
          "resources": [
            { "type": "aws:ec2/vpc:Vpc", "name": "vpc", "inputs": { "cidrBlock": "10.0.0.0/16" } },
            { "type": "aws:ec2/subnet:Subnet", "name": "subnet", "inputs": { "vpcId": { "$ref": "vpc" }, "cidrBlock": "10.0.1.0/24" } },
            { "type": "aws:ecs/service:Service", "name": "public", "inputs": { "networkConfiguration": { "subnets": [ { "$ref": "subnet" } ], "assignPublicIp": true } } },
            { "type": "aws:ecs/service:Service", "name": "later", "inputs": { "networkConfiguration": { "subnets": [ { "$ref": "subnet" } ], "assignPublicIp": { "$unknown": [ "subnet" ] } } } },
            { "type": "aws:ec2/vpcEndpoint:VpcEndpoint", "name": "ecr", "inputs": { "vpcId": { "$ref": "vpc" }, "vpcEndpointType": "Interface",
              "serviceName": { "$secret": "com.amazonaws.hidden-region-1.ecr.api" }, "tags": { "Name": "ecr" } } }
          ]
        }
        """;

    [Fact]
    public void ThePublishedPackReportsWithItsDefaultsKeepingUnknownsSilentAndSecretsSecret()
    {
        var result = Preview();
        var analyze = Diagnostics(result, "analyze");
        var publicIp = Assert.Single(analyze, d => (string)d["policyName"]! == "no-public-task-ip");
        Assert.Equal(("urn:pulumi:dev::team::aws:ecs/service:Service::public", 1, "team-policies"), ((string)publicIp["urn"]!, (int)publicIp["enforcementLevel"]!, (string)publicIp["policyPackName"]!));
        var tag = Assert.Single(analyze, d => (string)d["policyName"]! == "endpoint-cost-centre");
        Assert.Equal(0, (int)tag["enforcementLevel"]!);
        Assert.Contains("[secret]", (string)tag["message"]!, StringComparison.Ordinal);
        Assert.DoesNotContain(result.ToJsonString(), "hidden-region-1", StringComparison.Ordinal);
        Assert.Equal(0, (int)result["remediations"]!);
        Assert.Equal(["endpoint-cost-centre", "no-public-task-ip"], result["info"]!["policies"]!.AsArray().Select(p => (string)p!["name"]!).Order());
    }

    [Fact]
    public void ItsConfigAppliesAndItsRemediationComesBack()
    {
        var result = Preview("""{"no-public-task-ip":"disabled","endpoint-cost-centre":{"enforcementLevel":"remediate","tag":"team","value":"core"}}""");
        Assert.Empty(Diagnostics(result, "analyze"));
        var remediation = Assert.Single(result["remediated"]!.AsArray())!;
        Assert.Equal(("endpoint-cost-centre", "urn:pulumi:dev::team::aws:ec2/vpcEndpoint:VpcEndpoint::ecr"), ((string)remediation["policyName"]!, (string)remediation["urn"]!));
        var properties = remediation["properties"]!;
        Assert.Equal(("core", "ecr"), ((string)properties["tags"]!["team"]!, (string)properties["tags"]!["Name"]!));

        // The secret input comes back still signed as a secret, not as plaintext.
        Assert.Equal("1b47061264138c4ac30d75fd1eb44270", (string)properties["serviceName"]!["4dabf18193072939515e22adb298388d"]!);
    }

    [Fact]
    public void AnInvalidConfigIsRefusedNamingThePolicyAndKey()
    {
        var run = Engine("""{"endpoint-cost-centre":{"tag":42}}""");
        Assert.NotEqual(0, run.Exit);
        Assert.Contains("endpoint-cost-centre.tag", run.Stderr + run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void ItsOfflineCheckReadsATemplate()
    {
        var template = Path.Combine(sdk.Root, "Pulumi.yaml");
        File.WriteAllText(template, """
            name: team
            runtime: yaml
            resources:
              app:
                type: aws:ecs:Service
                properties:
                  networkConfiguration:
                    assignPublicIp: true
                    subnets: [subnet-1]
            """);
        var run = Command.Run(sdk.Executable, ["check", "--format", "json", template], sdk.Root, TimeSpan.FromMinutes(1));
        Assert.Equal(1, run.Exit);
        var violation = Assert.Single(JsonNode.Parse(run.Stdout)!["violations"]!.AsArray())!;
        Assert.Equal(("no-public-task-ip", "mandatory", "app"), ((string)violation["policy"]!, (string)violation["enforcementLevel"]!, (string)violation["name"]!));
        Assert.Equal("team-policies 0.1.0\n", Command.Run(sdk.Executable, ["--version"], sdk.Root, TimeSpan.FromMinutes(1)).Stdout);
    }

    private JsonObject Preview(string? config = null)
    {
        var run = Engine(config).Succeeded("engine.js");
        var result = JsonNode.Parse(run.Stdout)!.AsObject();
        Assert.Equal(0, (int)result["exitCode"]!);
        Assert.Empty((string)result["stderr"]!);
        return result;
    }

    private Command Engine(string? config)
    {
        RepositoryRoot.NodePackage("@pulumi/pulumi");
        var stack = Path.Combine(sdk.Root, $"stack-{Guid.NewGuid():N}.json");
        File.WriteAllText(stack, Stack);
        var args = new List<string> { RepositoryRoot.File("tests", "Analyzer.Tests", "interop", "engine.js"), sdk.Executable, stack };
        if (config is not null)
        {
            var file = Path.Combine(sdk.Root, $"config-{Guid.NewGuid():N}.json");
            File.WriteAllText(file, config);
            args.AddRange(["--config", file]);
        }

        return Command.Run("node", args, RepositoryRoot.Path, TimeSpan.FromMinutes(2), new Dictionary<string, string> { ["NODE_PATH"] = RepositoryRoot.File("node_modules") });
    }

    private static List<JsonObject> Diagnostics(JsonObject result, string call) =>
        result[call]!.AsArray().Select(d => d!.AsObject()).ToList();
}
