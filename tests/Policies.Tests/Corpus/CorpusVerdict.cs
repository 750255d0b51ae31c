using System.Text.Json.Nodes;
using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Pack;

namespace FargateNetwork.Policies.Tests.Corpus;

/// <summary>A verdict: the set of (policy, resource logical name, level) the pack reports on a stack.</summary>
public static class CorpusVerdict
{
    public static FargatePack Pack(CorpusCase c) =>
        FargatePack.Create(c.Config is null ? null : (JsonObject)JsonNode.Parse(c.Config)!);

    public static IReadOnlyList<Violation> Violations(CorpusCase c, IReadOnlyList<StackResource> resources) =>
        Pack(c).Evaluate(resources).Violations;

    public static HashSet<(string Policy, string Resource, EnforcementLevel Level)> Of(CorpusCase c, IReadOnlyList<StackResource> resources) =>
        Violations(c, resources).Select(v => (v.Policy, v.Name, v.Level)).ToHashSet();

    public static HashSet<(string Policy, string Resource)> Mandatory(CorpusCase c, IReadOnlyList<StackResource> resources) =>
        Violations(c, resources).Where(v => v.Level == EnforcementLevel.Mandatory).Select(v => (v.Policy, v.Name)).ToHashSet();

    /// <summary>Short text of a verdict for tables and messages: mandatory ones, then advisories in brackets.</summary>
    public static string Describe(IEnumerable<Violation> violations)
    {
        var list = violations.ToList();
        var mandatory = list.Where(v => v.Level == EnforcementLevel.Mandatory).Select(v => $"{v.Policy} @{v.Name}").Distinct().Order().ToList();
        var advisory = list.Where(v => v.Level == EnforcementLevel.Advisory).Select(v => $"{v.Policy} @{v.Name}").Distinct().Order().ToList();
        var text = mandatory.Count == 0 ? "0 mandatory" : string.Join(", ", mandatory);
        return advisory.Count == 0 ? text : $"{text} (advisory: {string.Join(", ", advisory)})";
    }

    public static void AssertExpected(CorpusCase c, IReadOnlyList<StackResource> resources, string form)
    {
        var violations = Violations(c, resources);
        var actual = violations.Where(v => v.Level == EnforcementLevel.Mandatory).Select(v => (v.Policy, v.Name)).ToHashSet();
        var advisories = violations.Where(v => v.Level == EnforcementLevel.Advisory).Select(v => (v.Policy, v.Name)).ToHashSet();
        var want = c.Mandatory.ToHashSet();
        var problems = new List<string>();
        if (!want.SetEquals(actual))
        {
            problems.Add($"mandatory: expected [{string.Join(", ", want.Order())}]\n           actual   [{string.Join(", ", actual.Order())}]");
        }

        problems.AddRange(c.Advisory.Where(a => !advisories.Contains(a)).Select(a => $"missing advisory {a}"));
        problems.AddRange(c.NoAdvisory.Where(advisories.Contains).Select(a => $"unexpected advisory {a}"));
        Assert.True(
            problems.Count == 0,
            $"{c.Name} ({form}){(c.Issue9 is null ? string.Empty : $" [issue 9: {c.Issue9}]")}: {string.Join("\n", problems)}\nwhy: {c.Why}\n"
            + string.Join("\n", violations.Select(v => $"  {v.Level} {v.Policy} {v.Name}: {v.Message}")));
    }
}
