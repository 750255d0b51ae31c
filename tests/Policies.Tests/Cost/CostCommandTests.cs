using System.Text;
using System.Text.Json;
using FargateNetwork.Policies.Cost;

namespace FargateNetwork.Policies.Tests.Cost;

/// <summary><c>cost</c>: the design comparison from the command line, its formats, its chart and its usage errors.</summary>
public class CostCommandTests
{
    internal static (int Exit, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        var exit = CostCommand.Run(args, stdout, stderr);
        return (exit, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
    }

    [Theory]
    [InlineData("--pulls-per-day", "-1")]
    [InlineData("--pulls-per-day", "many")]
    [InlineData("--image-gb", "NaN")]
    [InlineData("--partner-gb")]
    [InlineData("--tasks", "1.5")]
    [InlineData("--azs", "0")]
    [InlineData("--azs", "7")]
    [InlineData("--region", "Mars")]
    [InlineData("--format", "sarif")]
    [InlineData("--chart", "")]
    [InlineData("--bogus")]
    [InlineData("template.yaml")]
    [InlineData("--prices", "/nonexistent/prices.json")]
    [InlineData("--chart", "/nonexistent/dir/chart.svg")]
    public void BadArgumentsExitTwoWithOneLineAndNoOutput(params string[] args)
    {
        var (exit, stdout, stderr) = Run(args);
        Assert.Equal(CostCommand.BadUsage, exit);
        Assert.Empty(stdout);
        Assert.StartsWith("cost: ", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void HelpPrintsTheUsage()
    {
        var (exit, stdout, stderr) = Run("--help");
        Assert.Equal(0, exit);
        Assert.StartsWith("usage: pulumi-analyzer-policy-fargate-network cost", stdout, StringComparison.Ordinal);
        Assert.Empty(stderr);
    }

    [Fact]
    public void TextNamesEachDesignsLinesTotalAndTheCrossover()
    {
        var (exit, stdout, _) = Run("--region", "ap-northeast-1", "--azs", "2", "--tasks", "2");
        Assert.Equal(0, exit);
        Assert.Contains("ap-northeast-1, 2 AZ(s), 2 task(s)", stdout, StringComparison.Ordinal);
        foreach (var letter in new[] { "(a)", "(b)", "(c)", "(d)" })
        {
            Assert.Contains($"  {letter}     TOTAL", stdout, StringComparison.Ordinal);
        }

        Assert.Contains("0.062 USD", stdout, StringComparison.Ordinal); // Tokyo's NAT gateway
        Assert.Contains("Crossover: (c) is cheaper than (a) from ", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutImagePullsThereIsNoCrossover()
    {
        var (exit, stdout, _) = Run("--image-gb", "0");
        Assert.Equal(0, exit);
        Assert.Contains("Crossover: none;", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonCarriesEveryLineTheTotalsAndTheCrossovers()
    {
        var (exit, stdout, _) = Run("--format", "json", "--pulls-per-day", "250", "--image-gb", "1.2");
        Assert.Equal(0, exit);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(250, json.GetProperty("pullsPerDay").GetDouble());
        var designs = json.GetProperty("designs").EnumerateArray().ToList();
        Assert.Equal(["a", "b", "c", "d"], designs.Select(d => d.GetProperty("design").GetString()));
        Assert.All(designs, d => Assert.Equal(d.GetProperty("lines").EnumerateArray().Sum(l => l.GetProperty("monthlyUsd").GetDecimal()), d.GetProperty("totalUsd").GetDecimal()));
        var crossover = json.GetProperty("crossovers").EnumerateArray().First();
        Assert.Equal(("a", "c"), (crossover.GetProperty("natDesign").GetString(), crossover.GetProperty("endpointDesign").GetString()));
    }

    [Fact]
    public void PricesFileOverridesTheTable()
    {
        var file = Path.Combine(Path.GetTempPath(), $"fargate-network-prices-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """{ "natGatewayHour": 1 }""");
        try
        {
            var (exit, stdout, _) = Run("--format", "json", "--prices", file);
            Assert.Equal(0, exit);
            var lines = JsonDocument.Parse(stdout).RootElement.GetProperty("designs")[0].GetProperty("lines");
            var hours = lines.EnumerateArray().Single(l => l.GetProperty("charge").GetString() == "NAT gateway hours");
            Assert.Equal(730m, hours.GetProperty("monthlyUsd").GetDecimal());
            Assert.Equal($"--prices {file}", hours.GetProperty("source").GetString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void MarkdownShowsTheChartByItsFileName()
    {
        var dir = Directory.CreateTempSubdirectory("fargate-network-cost-");
        try
        {
            var chart = Path.Combine(dir.FullName, "chart.svg");
            var (exit, stdout, _) = Run("--format", "markdown", "--chart", chart);
            Assert.Equal(0, exit);
            Assert.Contains("![Monthly cost against image pulls per day](chart.svg)", stdout, StringComparison.Ordinal);
            Assert.True(File.Exists(chart));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
