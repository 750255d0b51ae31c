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

    [Fact]
    public void WithoutACommandItPrintsTheUsageAndExitsTwo()
    {
        var run = Run("lint");
        Assert.Equal(2, run.Exit);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.StartsWith("usage: pulumi-analyzer-policy-fargate-network check", run.Stderr, StringComparison.Ordinal);
    }
}
