using FargateNetwork.Policies.Tests.Check;

namespace FargateNetwork.Policies.Tests.Report;

/// <summary>The text, json and sarif reports of the repository's prod stack: needed column, folding, merged AZs, totals.</summary>
public class ReadableReportTests
{
    private static readonly Lazy<string> Prod = new(() => DotnetProcess.CompileStack("prod"));

    [Fact]
    public void ProdKeepsEachAzWithItsOwnNatAndFoldsTheDestinationsTheTasksDoNotNeed()
    {
        // prod has a NAT gateway per AZ (nat-gateway-1..3, named by number so their EIPs survive AZ changes): the
        // three subnets' rows differ in the NAT they go through, so they are not merged.
        var text = CheckRun.InProcess(Prod.Value, "--report", "-").Stdout;
        var headers = text.Split('\n').Where(l => l.StartsWith("Reachability from", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, headers.Count);
        foreach (var nat in new[] { "nat-gateway-1", "nat-gateway-2", "nat-gateway-3" })
        {
            Assert.Contains($"NAT gateway {nat} in ", text, StringComparison.Ordinal);
        }

        var folded = text.Split('\n').Where(l => l.Contains("not needed by the tasks, folded", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, folded.Count);
        foreach (var unneeded in new[] { "ssm (none)", "ecs-agent (none)", "internet (none)" })
        {
            Assert.All(folded, f => Assert.Contains(unneeded, f, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(text.Split('\n'), l => l.StartsWith("  ssm ", StringComparison.Ordinal));
        Assert.Contains(text.Split('\n'), l => l.StartsWith("  TOTAL ", StringComparison.Ordinal));
    }

    [Fact]
    public void AllDestinationsListsTheUnneededRowsMarkedNo()
    {
        var text = CheckRun.InProcess(Prod.Value, "--report", "--all-destinations", "-").Stdout;
        Assert.Matches(@"(?m)^  ssm +no +none +- +", text);
        Assert.DoesNotContain("folded", text, StringComparison.Ordinal);
    }

    [Fact]
    public void NoColumnRepeatsAnother()
    {
        var text = CheckRun.InProcess(Prod.Value, "--report", "-").Stdout;
        var rows = text.Split('\n').SkipWhile(l => !l.StartsWith("Reachability from", StringComparison.Ordinal)).Skip(2).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal) && !l.StartsWith("  not needed", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            var cells = System.Text.RegularExpressions.Regex.Split(row.Trim(), "  +");
            Assert.Equal(cells.Length, cells.Distinct(StringComparer.Ordinal).Count());
        }
    }

    [Fact]
    public void EveryFormatCarriesTheSameStackTotal()
    {
        var json = CheckRun.InProcess(Prod.Value, "--format", "json", "-").Json();
        var total = Assert.Single(json.GetProperty("costs").EnumerateArray()).GetProperty("totalUsd").GetDecimal();
        Assert.True(total > 0);
        var sarif = CheckRun.InProcess(Prod.Value, "--format", "sarif", "-").Json();
        Assert.Equal(total, sarif.GetProperty("runs")[0].GetProperty("properties").GetProperty("costs")[0].GetProperty("totalUsd").GetDecimal());
        var text = CheckRun.InProcess(Prod.Value, "-").Stdout;
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Estimated network cost: {total:0.00} USD/month"), text, StringComparison.Ordinal);
        var markdown = CheckRun.InProcess(Prod.Value, "--format", "markdown", "-").Stdout;
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"| **Total** | | | | **{total:0.00}** | |"), markdown, StringComparison.Ordinal);
        Assert.All(json.GetProperty("reachability").EnumerateArray().Where(r => r.GetProperty("path").GetString() is not ("none" or "unknown")), r => Assert.Equal(System.Text.Json.JsonValueKind.Number, r.GetProperty("monthlyCostUsd").ValueKind));
    }
}
