using System.Text.Json;
using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Pack;
using FargateNetwork.Tests.Shared;

namespace FargateNetwork.Policies.Tests.Check;

public class OutputFormatTests
{
    private static readonly string Broken = CheckRun.Fixture("broken-template.yaml");

    [Fact]
    public void TextGroupsViolationsByResourceAndEndsWithASummary()
    {
        var run = CheckRun.Of(Broken);
        Assert.Equal(1, run.Exit);
        Assert.Equal(string.Empty, run.Stderr);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("service (aws:ecs/service:Service)", lines[0]);
        Assert.StartsWith("  [mandatory] private-fargate-subnet-endpoints: Fargate tasks of service run in subnet task-subnet-a", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("  [mandatory] private-fargate-subnet-endpoints: Fargate tasks of service run in subnet task-subnet-c", lines[2], StringComparison.Ordinal);
        Assert.Equal($"2 mandatory, 0 advisory violation(s) in {Broken}", lines[^1]);
        Assert.DoesNotContain("Reachability from", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportPrintsATablePerTaskSubnetAfterTheViolations()
    {
        var run = CheckRun.Of("--report", Broken);
        var text = run.Stdout;
        var table = text.IndexOf("Reachability from task-subnet-c (ap-northeast-1c):", StringComparison.Ordinal);
        Assert.True(table > text.IndexOf("[mandatory]", StringComparison.Ordinal));
        Assert.Contains("Reachability from task-subnet-a (ap-northeast-1a):", text, StringComparison.Ordinal);
        var rows = text[table..].Split('\n').Skip(1).TakeWhile(l => l.Length > 0).ToList();
        Assert.Matches(@"^  DESTINATION +NEEDED +PATH +COST/MONTH +DETAIL$", rows[0]);
        Assert.Matches(@"^  s3 +yes +none +- +the S3 gateway endpoint of VPC vpc is not on route table route-table-c", Assert.Single(rows, r => r.StartsWith("  s3 ", StringComparison.Ordinal)));
        Assert.Matches(@"^  ecr\.dkr +yes +interface-endpoint +10\.22 USD +endpoint endpoint-ecr-dkr", Assert.Single(rows, r => r.StartsWith("  ecr.dkr ", StringComparison.Ordinal)));
    }

    [Fact]
    public void JsonHasTheViolationFieldsAndAlwaysTheReachability()
    {
        var root = CheckRun.Of("--format", "json", Broken).Json();
        var violation = root.GetProperty("violations")[0];
        Assert.Equal("private-fargate-subnet-endpoints", violation.GetProperty("policy").GetString());
        Assert.Equal("mandatory", violation.GetProperty("enforcementLevel").GetString());
        Assert.Equal("urn:pulumi:template::orders::aws:ecs/cluster:Cluster$aws:ecs/service:Service::service", violation.GetProperty("urn").GetString());
        Assert.Equal("aws:ecs/service:Service", violation.GetProperty("type").GetString());
        Assert.Equal("service", violation.GetProperty("name").GetString());
        Assert.Equal(Broken, violation.GetProperty("file").GetString());
        var row = root.GetProperty("reachability").EnumerateArray().First(r => r.GetProperty("destination").GetString() == "ecr.dkr");
        Assert.Equal("interface-endpoint", row.GetProperty("path").GetString());
        Assert.Equal("urn:pulumi:template::orders::aws:ec2/vpcEndpoint:VpcEndpoint::endpoint-ecr-dkr", row.GetProperty("via").GetString());
        Assert.Equal("ap-northeast-1a", row.GetProperty("availabilityZone").GetString());
        Assert.Equal(10.22m, row.GetProperty("monthlyCostUsd").GetDecimal()); // the endpoint in this AZ for a month: 730 h x $0.014 (Tokyo)
        Assert.True(row.GetProperty("needed").GetBoolean());
        Assert.EndsWith("task-subnet-a", row.GetProperty("subnet").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void JsonCarriesTheMonthlyNatCostOfImagePulls()
    {
        var rows = CheckRun.Of("--format", "json", CheckRun.Fixture("nat-pulls.yaml")).Json().GetProperty("reachability").EnumerateArray();
        var s3 = rows.First(r => r.GetProperty("destination").GetString() == "s3");
        Assert.Equal("nat-gateway", s3.GetProperty("path").GetString());
        Assert.True(s3.GetProperty("monthlyCostUsd").GetDecimal() > 0);
    }

    [Fact]
    public void SarifHasRulesFromThePackAndResultsWithLogicalAndPhysicalLocations()
    {
        var root = CheckRun.Of("--format", "sarif", Broken).Json();
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Equal("https://json.schemastore.org/sarif-2.1.0.json", root.GetProperty("$schema").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("fargate-network", driver.GetProperty("name").GetString());
        Assert.Equal(FargatePack.PackVersion, driver.GetProperty("version").GetString());
        Assert.StartsWith("https://", driver.GetProperty("informationUri").GetString(), StringComparison.Ordinal);
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(FargatePack.Policies.Select(p => p.Name), rules.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(
            FargatePack.Policies.Select(p => p.EnforcementLevel == EnforcementLevel.Mandatory ? "error" : "warning"),
            rules.Select(r => r.GetProperty("defaultConfiguration").GetProperty("level").GetString()));
        Assert.All(rules, r => Assert.NotEmpty(r.GetProperty("fullDescription").GetProperty("text").GetString()!));
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        var result = results[0];
        Assert.Equal("private-fargate-subnet-endpoints", result.GetProperty("ruleId").GetString());
        Assert.Equal("private-fargate-subnet-endpoints", rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
        Assert.Equal("error", result.GetProperty("level").GetString());
        Assert.Contains("ecr.api", result.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
        var location = result.GetProperty("locations")[0];
        var logical = location.GetProperty("logicalLocations")[0];
        Assert.Equal("urn:pulumi:template::orders::aws:ecs/cluster:Cluster$aws:ecs/service:Service::service", logical.GetProperty("fullyQualifiedName").GetString());
        Assert.Equal("service", logical.GetProperty("name").GetString());
        Assert.Equal("resource", logical.GetProperty("kind").GetString());
        var physical = location.GetProperty("physicalLocation");
        Assert.Equal(
            Path.GetRelativePath(FargateNetwork.Tests.Shared.RepositoryRoot.Path, Broken).Replace('\\', '/'),
            physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", physical.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        var lines = File.ReadAllLines(Broken);
        var line = physical.GetProperty("region").GetProperty("startLine").GetInt32();
        var column = physical.GetProperty("region").GetProperty("startColumn").GetInt32();
        Assert.Equal("service:", lines[line - 1][(column - 1)..].TrimEnd());
    }

    [Theory]
    [InlineData("stacks/prod.yaml", "stacks/prod.yaml")]
    [InlineData("my stack.json", "my%20stack.json")]
    [InlineData("<stdin>", "stdin")]
    public void SarifArtifactUrisAreUriReferences(string file, string uri) =>
        Assert.Equal(uri, StackRules.Reports.SarifReport.ArtifactUri(file));

    [Fact]
    public void AnAdvisoryViolationIsAWarningAndExitsZero()
    {
        var run = CheckRun.Of("--format", "sarif", CheckRun.Fixture("nat-pulls.yaml"));
        Assert.Equal(0, run.Exit);
        var results = run.Json().GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == "image-pulls-through-nat" && r.GetProperty("level").GetString() == "warning");
        Assert.All(results, r => Assert.Equal("warning", r.GetProperty("level").GetString()));
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
