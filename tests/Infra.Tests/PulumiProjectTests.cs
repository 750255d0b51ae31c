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
    public void Project_runs_the_yaml_runtime_with_the_compiler_script_and_declares_no_typed_config()
    {
        var project = Project();
        Assert.Equal("fargate-network", project["name"].ToString());
        var runtime = (YamlMappingNode)project["runtime"];
        Assert.Equal("yaml", runtime["name"].ToString());
        Assert.Equal("sh infra/compile.sh", ((YamlMappingNode)runtime["options"])["compiler"].ToString());
        Assert.False(project.Children.ContainsKey(new YamlScalarNode("config")));
        Assert.True(File.Exists(FargateNetwork.Tests.Shared.RepositoryRoot.File("infra", "compile.sh")));
    }

    [Fact]
    public void Template_lists_every_config_key_with_a_description_and_string_default()
    {
        // Pulumi's project.json schema: `template` allows only description, quickstart, important and config
        // (additionalProperties: false); a config entry has description, default, secret.
        var template = (YamlMappingNode)Project()["template"];
        Assert.Subset(new HashSet<string> { "description", "quickstart", "important", "config" }, template.Children.Keys.Select(k => k.ToString()).ToHashSet());
        var config = (YamlMappingNode)template["config"];
        Assert.All(config.Children.Values, v => Assert.Subset(new HashSet<string> { "description", "default", "secret" }, ((YamlMappingNode)v).Children.Keys.Select(k => k.ToString()).ToHashSet()));
        var keys = config.Children.Keys.Select(k => k.ToString()).ToHashSet();
        Assert.Equal(
            new HashSet<string> { "aws:region", "fargate-network:topology", "fargate-network:vpcCidr", "fargate-network:availabilityZones", "fargate-network:fixedEgress", "fargate-network:workload", "fargate-network:privateLink", "fargate-network:extraEndpoints", "fargate-network:tags" },
            keys);
        foreach (var (key, value) in config.Children)
        {
            var entry = (YamlMappingNode)value;
            Assert.False(string.IsNullOrWhiteSpace(entry["description"].ToString()), $"{key} has no description");
            Assert.IsType<YamlScalarNode>(entry["default"]);
        }
    }

    [Fact]
    public void A_stack_made_by_pulumi_new_with_the_template_defaults_compiles()
    {
        var config = (YamlMappingNode)((YamlMappingNode)Project()["template"])["config"];
        var values = new TestConfig();
        foreach (var (key, value) in config.Children)
        {
            values.Set(key.ToString(), ((YamlMappingNode)value)["default"].ToString());
        }

        var result = TestCompiler.RunMode(values);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.NotEmpty(result.Template.OfType("aws:ec2/vpcEndpoint:VpcEndpoint"));
    }
}
