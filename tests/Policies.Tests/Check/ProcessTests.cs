using FargateNetwork.Tests.Shared;
using YamlDotNet.RepresentationModel;

namespace FargateNetwork.Policies.Tests.Check;

/// <summary>The built <c>pulumi-analyzer-policy-fargate-network.dll</c> run with <c>dotnet</c>, as a user runs it.</summary>
public class ProcessTests
{
    private static CheckRun Run(params string[] args) => DotnetProcess.Run(DotnetProcess.PolicyPackDll, args);

    [Fact]
    public void APassingStackExitsZeroWithTheSummaryOnStdout()
    {
        var run = Run("check", CheckRun.Fixture("nat-pulls.yaml"));
        Assert.Equal(0, run.Exit);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.EndsWith($"0 mandatory, 1 advisory violation(s) in {CheckRun.Fixture("nat-pulls.yaml")}\n", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void AMandatoryViolationExitsOne()
    {
        var run = Run("check", "--format", "sarif", CheckRun.Fixture("broken-preview.json"));
        Assert.Equal(1, run.Exit);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Equal(2, run.Json().GetProperty("runs")[0].GetProperty("results").GetArrayLength());
    }

    [Fact]
    public void BrokenInputExitsTwoWithOneLineOnStderrAndNoStackTrace()
    {
        var run = DotnetProcess.Run(DotnetProcess.PolicyPackDll, ["check", "-"], stdin: "{\"deployment\": {\"resources\": [{\"urn\": 1}]}}");
        Assert.Equal(2, run.Exit);
        Assert.Equal("<stdin>: deployment.resources[0].urn: expected a string, found a number\n", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("check", "--help")]
    [InlineData("check", "-h")]
    [InlineData("check", "--bogus", "-h")]
    public void CheckHelpPrintsTheUsageOnStdoutAndExitsZero(params string[] args)
    {
        var run = Run(args);
        Assert.Equal(0, run.Exit);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.StartsWith("usage: pulumi-analyzer-policy-fargate-network check", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("private-fargate-subnet-endpoints [mandatory]", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void TheProgramsHelpPrintsBothUsagesOnStdoutAndExitsZero(string flag)
    {
        var run = Run(flag);
        Assert.Equal(0, run.Exit);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.StartsWith("usage: pulumi-analyzer-policy-fargate-network check", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("pulumi-analyzer-policy-fargate-network <engine-address>", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--version")]
    [InlineData("check", "--version")]
    public void VersionPrintsTheNameAndVersionOfPulumiPolicyYaml(params string[] args)
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(RepositoryRoot.File("pack", "PulumiPolicy.yaml")))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        string Get(string key) => ((YamlScalarNode)root.Children[new YamlScalarNode(key)]).Value!;

        var run = Run(args);
        Assert.Equal(0, run.Exit);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Equal($"{Get("name")} {Get("version")}\n", run.Stdout);
    }

    [Fact]
    public void SeveralFilesReportEveryGoodFileAndExitWithTheWorstOutcome()
    {
        var passing = CheckRun.Fixture("nat-pulls.yaml");
        var violating = CheckRun.Fixture("broken-template.yaml");
        var missing = Path.Combine(AppContext.BaseDirectory, "no-such-input.yaml");
        var broken = Path.Combine(Directory.CreateTempSubdirectory("check-process-").FullName, "broken.yaml");
        File.WriteAllText(broken, "resources: [\n");

        var run = Run("check", passing, missing, violating, broken);
        Assert.Equal(2, run.Exit);
        Assert.Contains($"0 mandatory, 1 advisory violation(s) in {passing}\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"2 mandatory, 0 advisory violation(s) in {violating}\n", run.Stdout, StringComparison.Ordinal);
        var errors = run.Stderr.TrimEnd('\n').Split('\n');
        Assert.Equal(2, errors.Length);
        Assert.StartsWith($"{missing}: ", errors[0], StringComparison.Ordinal);
        Assert.StartsWith($"{broken}: ", errors[1], StringComparison.Ordinal);

        run = Run("check", passing, violating);
        Assert.Equal(1, run.Exit);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Equal(2, run.Stdout.Split('\n').Count(l => l.Contains(" violation(s) in ", StringComparison.Ordinal)));

        Assert.Equal(0, Run("check", passing, passing).Exit);
        Directory.Delete(Path.GetDirectoryName(broken)!, recursive: true);
    }

    [Fact]
    public void WithoutACommandItPrintsTheUsageAndExitsTwo()
    {
        var run = Run("lint");
        Assert.Equal(2, run.Exit);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.StartsWith("usage: pulumi-analyzer-policy-fargate-network check", run.Stderr, StringComparison.Ordinal);
    }
}
