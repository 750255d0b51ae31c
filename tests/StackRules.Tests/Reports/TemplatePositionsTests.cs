using StackRules.Reports;

namespace StackRules.Tests.Reports;

/// <summary>The line and column of each resource key of a YAML or JSON template, for the reports that point at it.</summary>
public class TemplatePositionsTests
{
    [Fact]
    public void YamlAndJsonTemplatesGiveTheLineAndColumnOfEachResourceKey()
    {
        var yaml = TemplatePositions.Parse(["name: x", "resources:", "  # a comment", "  vpc:", "    type: aws:ec2:Vpc", "    properties:", "      vpc: nested", "  \"sub-net\":", "    type: aws:ec2:Subnet", "outputs:", "  out: 1"]);
        Assert.Equal((4, 3), yaml.Of("vpc"));
        Assert.Equal((8, 3), yaml.Of("sub-net"));
        Assert.Null(yaml.Of("out"));
        var json = TemplatePositions.Parse(["{", "  \"resources\": {", "    \"vpc\": {", "      \"type\": \"aws:ec2:Vpc\",", "      \"properties\": { \"a\": { \"b\": 1 } }", "    },", "    \"igw\": {", "    }", "  },", "  \"outputs\": { \"x\": 1 }", "}"]);
        Assert.Equal((3, 5), json.Of("vpc"));
        Assert.Equal((7, 5), json.Of("igw"));
        Assert.Null(json.Of("type"));
        Assert.Null(json.Of("x"));
    }
}
