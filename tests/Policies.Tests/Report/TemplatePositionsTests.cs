using StackRules.Reports;
using FargateNetwork.Policies.Report;
using FargateNetwork.Policies.Tests.Check;
using FargateNetwork.Tests.Shared;

namespace FargateNetwork.Policies.Tests.Report;

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

    [Fact]
    public void SarifResultsOfACheckedProdTemplatePointAtTheOffendingResource()
    {
        var template = DotnetProcess.CompileStack("prod");
        var dns = template.IndexOf("\"privateDnsEnabled\": true", template.IndexOf("\"endpoint-ecr-api\":", StringComparison.Ordinal), StringComparison.Ordinal);
        var mutated = string.Concat(template.AsSpan(0, dns), "\"privateDnsEnabled\": false", template.AsSpan(dns + "\"privateDnsEnabled\": true".Length));
        var file = RepositoryRoot.File("artifacts", "templates", $"sarif-test-{Guid.NewGuid():N}.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, mutated);
        try
        {
            var results = CheckRun.Of("--format", "sarif", file).Json().GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
            var lines = mutated.Split('\n');
            Assert.NotEmpty(results);
            Assert.All(results, r =>
            {
                var physical = r.GetProperty("locations")[0].GetProperty("physicalLocation");
                Assert.Equal($"artifacts/templates/{Path.GetFileName(file)}", physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
                var name = r.GetProperty("locations")[0].GetProperty("logicalLocations")[0].GetProperty("name").GetString();
                var region = physical.GetProperty("region");
                var line = lines[region.GetProperty("startLine").GetInt32() - 1];
                Assert.Equal($"\"{name}\":", line[(region.GetProperty("startColumn").GetInt32() - 1)..].TrimEnd());
            });
            Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == "interface-endpoint-private-dns");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
