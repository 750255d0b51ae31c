using FargateNetwork.Policies.Report;
using FargateNetwork.Policies.Tests.Check;

namespace FargateNetwork.Policies.Tests.Report;

/// <summary>
/// Every diagram the markdown format draws parses with the real Mermaid library (npm <c>mermaid</c> under jsdom),
/// and prod's renders in headless Chromium with every subnet, endpoint and NAT gateway on it.
/// </summary>
public class MermaidDiagramTests
{
    private static readonly Lazy<string> Prod = new(() => DotnetProcess.CompileStack("prod"));
    private static readonly Lazy<string> Dev = new(() => DotnetProcess.CompileStack("dev"));

    private static string Markdown(string? stdin, string file = "-") => CheckRun.InProcess(stdin, "--format", "markdown", "--all-destinations", file).Stdout;

    [Fact]
    public void EveryDiagramOfTheStacksAndFixturesParses()
    {
        var reports = new[]
        {
            Markdown(Dev.Value),
            Markdown(Prod.Value),
            Markdown(null, CheckRun.Fixture("broken-template.yaml")),
            Markdown(null, CheckRun.Fixture("nat-pulls.yaml")),
            Markdown(null, CheckRun.Fixture("secret-values.yaml")),
            Markdown(null, CheckRun.Fixture("broken-stack-export.json")),
        };
        using var file = NodeScript.Temp(string.Join("\n", reports));
        var (exit, result, stderr) = NodeScript.Run("parse.mjs", file.Path);
        Assert.True(exit == 0, $"{result} {stderr}");
        Assert.Equal(0, result.GetProperty("errors").GetArrayLength());
        Assert.Equal(reports.Sum(r => r.Split("```mermaid\n").Length - 1), result.GetProperty("diagrams").GetInt32());
        Assert.True(result.GetProperty("diagrams").GetInt32() >= reports.Length);
    }

    [Fact]
    public void TheParserRejectsABrokenDiagram()
    {
        using var file = NodeScript.Temp("```mermaid\nflowchart LR\n  a[\"x\"] --> |\"y| b\n```\n");
        var (exit, result, _) = NodeScript.Run("parse.mjs", file.Path);
        Assert.Equal(1, exit);
        Assert.Equal(1, result.GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public void LabelsOfAnyTextStayInsideTheirNode()
    {
        // Quotes, brackets, pipes, arrows, entities and Mermaid keywords: each label in a node and on an edge.
        var random = new Random(12);
        const string alphabet = "ab \"'[](){}<>|#&;:-->.=/\\%`~end";
        var lines = new List<string> { "flowchart LR" };
        for (var i = 0; i < 200; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(1, 30)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            lines.Add($"  {MermaidDiagram.Id("n", text, i.ToString(System.Globalization.CultureInfo.InvariantCulture))}[\"{MermaidDiagram.Label(text)}\"] -->|\"{MermaidDiagram.Label(text)}\"| end_{i}[\"end\"]");
        }

        using var file = NodeScript.Temp($"```mermaid\n{string.Join('\n', lines)}\n```\n");
        var (exit, result, stderr) = NodeScript.Run("parse.mjs", file.Path);
        Assert.True(exit == 0, $"{result} {stderr}");
    }

    [Fact]
    public void ProdRendersInChromiumWithEverySubnetEndpointAndNatGateway()
    {
        var chromium = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("headless Chromium is not installed: apt-get install chromium (.ci/run does)");
        using var file = NodeScript.Temp(Markdown(Prod.Value));
        var (exit, result, stderr) = NodeScript.Run("render.mjs", file.Path, chromium);
        Assert.True(exit == 0, stderr);
        Assert.Equal("rendered", result.GetProperty("state").GetString());
        var text = string.Concat(result.GetProperty("labels").EnumerateArray().Select(l => l.GetString())).Replace(" ", string.Empty, StringComparison.Ordinal);
        var names = System.Text.RegularExpressions.Regex.Matches(Prod.Value, "^  \"([^\"]+)\":\n    \"type\": \"aws:ec2/(?:subnet:Subnet|natGateway:NatGateway|vpcEndpoint:VpcEndpoint)\"", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(6 + 3 + 5, names.Count); // prod: 6 subnets, 3 NAT gateways, 5 endpoints
        Assert.All(names, name => Assert.Contains(name, text, StringComparison.Ordinal));
    }
}
