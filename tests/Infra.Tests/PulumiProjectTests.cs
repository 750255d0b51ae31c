using YamlDotNet.RepresentationModel;

namespace FargateNetwork.Infra.Tests;

/// <summary>Pulumi.yaml: the compiler command, and a <c>template:</c> section that `pulumi new` can use as is.</summary>
public class PulumiProjectTests
{
    private static YamlMappingNode Project()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(FargateNetwork.Tests.Shared.RepositoryRoot.File("Pulumi.yaml"))));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    [Fact]
    public void ProjectRunsTheYamlRuntimeWithTheCompilerScript()
    {
        var project = Project();
        Assert.Equal("fargate-network", project["name"].ToString());
        var runtime = (YamlMappingNode)project["runtime"];
        Assert.Equal("yaml", runtime["name"].ToString());
        Assert.Equal("sh infra/compile.sh", ((YamlMappingNode)runtime["options"])["compiler"].ToString());
        Assert.True(File.Exists(FargateNetwork.Tests.Shared.RepositoryRoot.File("infra", "compile.sh")));
    }

    [Fact]
    public void ProjectConfigDefaultsEqualTheCompilersDefaultsAndFollowTheProjectSchema()
    {
        // project.json: a declaration has type (string, integer, boolean, array + items), description, secret, default.
        var config = (YamlMappingNode)Project()["config"];
        foreach (var (key, value) in config.Children)
        {
            var entry = (YamlMappingNode)value;
            Assert.Subset(new HashSet<string> { "type", "items", "description", "secret", "default" }, entry.Children.Keys.Select(k => k.ToString()).ToHashSet());
            Assert.Matches("^(string|integer|boolean|array)$", entry["type"].ToString());
            Assert.Contains(key.ToString(), ConfigReader.Keys);
        }

        var defaults = new NetworkConfig { Region = "x", AvailabilityZones = [], Workload = new Workload { Image = "x" } };
        Assert.Equal("private-endpoints", ((YamlMappingNode)config["topology"])["default"].ToString());
        Assert.Equal(Topology.PrivateEndpoints, defaults.Topology);
        Assert.Equal(defaults.VpcCidr.ToString(), ((YamlMappingNode)config["vpcCidr"])["default"].ToString());
        Assert.Empty((YamlSequenceNode)((YamlMappingNode)config["extraEndpoints"])["default"]);
        Assert.Empty(defaults.ExtraEndpoints);
    }

    [Fact]
    public void TemplateConfigHasOnlyPlainScalarDefaultsAndAllowedFields()
    {
        // Pulumi's project.json schema: `template` allows only description, quickstart, important and config
        // (additionalProperties: false); a config entry has description, default, secret. ProjectTemplateConfigValue
        // reads `default` as a Go string, so a list or map default would break `pulumi new`.
        var template = (YamlMappingNode)Project()["template"];
        Assert.Subset(new HashSet<string> { "description", "quickstart", "important", "config" }, template.Children.Keys.Select(k => k.ToString()).ToHashSet());
        var config = (YamlMappingNode)template["config"];
        foreach (var (key, value) in config.Children)
        {
            var entry = (YamlMappingNode)value;
            Assert.Subset(new HashSet<string> { "description", "default", "secret" }, entry.Children.Keys.Select(k => k.ToString()).ToHashSet());
            Assert.False(string.IsNullOrWhiteSpace(entry["description"].ToString()), $"{key} has no description");
            var scalar = Assert.IsType<YamlScalarNode>(entry["default"]);
            Assert.DoesNotMatch(@"^\s*[\[{]", scalar.Value!);
        }
    }

    [Fact]
    public void AStackMadeByPulumiNewCompilesOnceTheQuickstartKeysAreSet()
    {
        // pulumi new stores the template answers; Pulumi merges the project defaults; the user sets what the quickstart names.
        var project = Project();
        var values = new TestConfig();
        foreach (var (key, value) in (YamlMappingNode)((YamlMappingNode)project["template"])["config"])
        {
            values.Set(key.ToString(), ((YamlMappingNode)value)["default"].ToString());
        }

        foreach (var (key, value) in (YamlMappingNode)project["config"])
        {
            var node = ((YamlMappingNode)value)["default"];
            values.Set("fargate-network:" + key, node is YamlSequenceNode list ? "[" + string.Join(",", list.Children.Select(c => $"\"{c}\"")) + "]" : node.ToString());
        }

        var quickstart = ((YamlMappingNode)project["template"])["quickstart"].ToString();
        Assert.Contains("fargate-network:availabilityZones[0]", quickstart);
        Assert.Contains("fargate-network:workload.image", quickstart);
        values.Set("fargate-network:availabilityZones", """["ap-northeast-1a","ap-northeast-1c"]""")
            .Set("fargate-network:workload", """{"image":"210987654321.dkr.ecr.ap-northeast-1.amazonaws.com/app:1.0"}""");
        var result = TestCompiler.RunMode(values);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.NotEmpty(result.Template.OfType("aws:ec2/vpcEndpoint:VpcEndpoint"));
    }
}
