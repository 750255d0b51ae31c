using FargateNetwork.Policies.Tests.Scripts;
using FargateNetwork.Tests.Shared;

namespace FargateNetwork.Policies.Tests.Cost;

/// <summary>
/// docs/cost-comparison.md and docs/cost-comparison.svg are the <c>cost</c> command's output for the default workload:
/// regenerate with <c>scripts/cost --format markdown --chart docs/cost-comparison.svg &gt; docs/cost-comparison.md</c>.
/// </summary>
public class CostDocsTests
{
    private const string Regenerate = "run scripts/cost --format markdown --chart docs/cost-comparison.svg > docs/cost-comparison.md";

    [Fact]
    public void TheCommittedComparisonAndChartAreCurrent()
    {
        var dir = Directory.CreateTempSubdirectory("fargate-network-cost-docs-");
        try
        {
            var (exit, markdown, stderr) = CostCommandTests.Run("--format", "markdown", "--chart", Path.Combine(dir.FullName, "cost-comparison.svg"));
            Assert.True(exit == 0, stderr);
            Assert.True(markdown == File.ReadAllText(RepositoryRoot.File("docs", "cost-comparison.md")), $"docs/cost-comparison.md is out of date: {Regenerate}");
            Assert.True(File.ReadAllText(Path.Combine(dir.FullName, "cost-comparison.svg")) == File.ReadAllText(RepositoryRoot.File("docs", "cost-comparison.svg")), $"docs/cost-comparison.svg is out of date: {Regenerate}");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void ThePublishedPackDrawsTheSameChart()
    {
        // The pack as users run it: published by scripts/check (Native AOT when clang is installed), run by scripts/cost.
        var dir = Directory.CreateTempSubdirectory("fargate-network-cost-pack-");
        try
        {
            var chart = Path.Combine(dir.FullName, "cost-comparison.svg");
            var run = RepositoryScript.Run("scripts/cost", "--format", "markdown", "--chart", chart);
            Assert.True(run.Exit == 0, run.Stderr);
            Assert.Equal(File.ReadAllText(RepositoryRoot.File("docs", "cost-comparison.md")), run.Stdout);
            Assert.Equal(File.ReadAllText(RepositoryRoot.File("docs", "cost-comparison.svg")), File.ReadAllText(chart));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
