using FargateNetwork.Policies.Pack;
using FargateNetwork.Tests.Shared;
using YamlDotNet.RepresentationModel;

namespace FargateNetwork.Analyzer.Tests;

/// <summary>
/// The <c>PulumiPolicy.yaml</c> the CLI reads beside the executable: it must have a runtime (or the CLI refuses to
/// start the pack) that is not a Pulumi language (or the CLI starts that language host), and its version replaces
/// the version in every diagnostic, so it must equal the pack's.
/// </summary>
public sealed class PulumiPolicyFileTests
{
    private static readonly string[] Languages = ["nodejs", "python", "go", "dotnet", "java", "yaml"];

    [Theory]
    [InlineData("pack")]
    [InlineData("artifacts/policy-pack")]
    public void RuntimeNameAndVersionFitThePack(string folder)
    {
        var file = RepositoryRoot.File(folder, "PulumiPolicy.yaml");
        Assert.True(File.Exists(file), $"{file} is missing (artifacts/: run scripts/publish-policy-pack)");
        var yaml = new YamlStream();
        using (var reader = File.OpenText(file))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        string Get(string key) => ((YamlScalarNode)root.Children[new YamlScalarNode(key)]).Value ?? "";
        Assert.Equal("fargate-network", Get("runtime"));
        Assert.DoesNotContain(Get("runtime"), Languages);
        Assert.Equal(FargatePack.PackName, Get("name"));
        Assert.Equal(FargatePack.PackVersion, Get("version"));
        Assert.NotEmpty(Get("description"));
        if (folder.StartsWith("artifacts", StringComparison.Ordinal))
        {
            // The directory form starts the plugin named after the runtime, from PATH.
            Assert.True(File.Exists(RepositoryRoot.File(folder, $"pulumi-analyzer-policy-{Get("runtime")}")));
        }
    }
}
