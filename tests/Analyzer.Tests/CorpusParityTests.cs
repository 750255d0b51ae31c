using FargateNetwork.Policies.Pack;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using StackRules.Host.Analyzer.Protocol;
using EnforcementLevel = StackRules.Host.Analyzer.Protocol.EnforcementLevel;
using PolicyConfig = StackRules.Host.Analyzer.Protocol.PolicyConfig;
using StackRules.Host.Check;
using StackRules.Inputs;
using FargateNetwork.Tests.Shared;
using WireLevel = StackRules.Host.Analyzer.Protocol.EnforcementLevel;

namespace FargateNetwork.Analyzer.Tests;

/// <summary>
/// Issue 9: the analyzer gives the same verdicts as <c>check</c> on every corpus stack
/// (tests/Policies.Tests/Corpus), through a real gRPC client against the server started in-process: preview mode from
/// the template, update mode from the stack export. The verdict is the set of (policy, resource, level); the analyzer's
/// is the union of <c>Analyze</c> on each resource and <c>AnalyzeStack</c>. One pack config for all stacks, given to
/// <c>check --config</c> and to <c>Configure</c>: fixed egress to 198.51.100.7/32 is mandatory.
/// </summary>
public sealed class CorpusParityTests
{
    private const string FixedEgressCidr = "198.51.100.7/32";

    private static string CorpusFolder => RepositoryRoot.File("tests", "Policies.Tests", "Corpus");

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.GetFiles(Path.Combine(CorpusFolder, "Stacks"), "*.yaml").Order())
        {
            data.Add(Path.GetFileNameWithoutExtension(file), "preview");
            data.Add(Path.GetFileNameWithoutExtension(file), "update");
        }

        return data;
    }

    [Fact]
    public void TheCorpusHasAtLeastTwentyStacks() => Assert.True(Cases().Count >= 40, $"{Cases().Count / 2} corpus stacks");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AnalyzerGivesTheVerdictOfCheck(string name, string mode)
    {
        var preview = mode == "preview";
        var file = preview ? Path.Combine(CorpusFolder, "Stacks", name + ".yaml") : Path.Combine(CorpusFolder, "Exports", name + ".json");
        var check = CheckVerdict(file);
        var resources = StackInput.Load(file, TextReader.Null, FargatePack.References).Resources;
        var names = resources.ToDictionary(r => r.Urn, r => r.Name, StringComparer.Ordinal);

        await using var server = await AnalyzerServer.StartAsync();
        var configure = new ConfigureAnalyzerRequest();
        configure.PolicyConfig["fixed-egress-through-nat"] = new PolicyConfig
        {
            EnforcementLevel = WireLevel.Mandatory,
            Properties = PreviewFixture.ToStruct(new JsonObject { ["fixedEgressCidrs"] = new JsonArray(FixedEgressCidr) }),
        };
        await server.Client.ConfigureAsync(configure);
        var diagnostics = new List<AnalyzeDiagnostic>();
        foreach (var request in CorpusWire.AnalyzeRequests(resources))
        {
            diagnostics.AddRange((await server.Client.AnalyzeAsync(request)).Diagnostics);
        }

        diagnostics.AddRange((await server.Client.AnalyzeStackAsync(CorpusWire.StackRequest(resources, preview))).Diagnostics);
        var analyzer = diagnostics
            .Select(d => (d.PolicyName, names.GetValueOrDefault(d.Urn, d.Urn), d.EnforcementLevel == WireLevel.Mandatory ? "mandatory" : "advisory"))
            .ToHashSet();
        Assert.True(
            check.SetEquals(analyzer),
            $"{name} ({mode}):\n  check    [{string.Join(", ", check.Order())}]\n  analyzer [{string.Join(", ", analyzer.Order())}]");
    }

    /// <summary>(policy, resource, level) of <c>check --format json</c>, run in-process as <c>Program</c> runs it.</summary>
    private static HashSet<(string, string, string)> CheckVerdict(string file)
    {
        var config = Path.GetTempFileName();
        try
        {
            File.WriteAllText(config, $$"""{ "fixed-egress-through-nat": { "enforcementLevel": "mandatory", "fixedEgressCidrs": ["{{FixedEgressCidr}}"] } }""");
            using var stdout = new MemoryStream();
            var stderr = new StringWriter();
            var exit = CheckCommand.Run(FargatePack.Definition, ["--format", "json", "--config", config, file], TextReader.Null, stdout, stderr);
            Assert.True(exit is 0 or 1, $"check exited {exit}: {stderr}");
            using var json = JsonDocument.Parse(Encoding.UTF8.GetString(stdout.ToArray()));
            return json.RootElement.GetProperty("violations").EnumerateArray()
                .Select(v => (v.GetProperty("policy").GetString()!, v.GetProperty("name").GetString()!, v.GetProperty("enforcementLevel").GetString()!))
                .ToHashSet();
        }
        finally
        {
            File.Delete(config);
        }
    }
}
