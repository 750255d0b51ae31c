using FargateNetwork.Policies.Model;
using FargateNetwork.Policies.Tests.Corpus.Mutation;

namespace FargateNetwork.Policies.Tests.Corpus;

/// <summary>
/// Property (b) of issue 9: writing the same fact in another provider form (inline ↔ separate resource for routes,
/// security-group rules and endpoint associations; reference ↔ literal id; explicit ↔ provider default; short type
/// tokens; launch type ↔ capacity provider strategy; container list ↔ JSON string) never changes the verdict. Every
/// rewrite runs on every corpus stack and form it applies to, and the whole verdict (policy, resource, level) must stay.
/// </summary>
public class FormRewriteTests
{
    public static TheoryData<string, string, string> Cases() => MutationCases.Applicable(_ => MutationCases.FormRewrites);

    [Theory]
    [MemberData(nameof(Cases))]
    public void RewritingAFactInAnotherFormKeepsTheVerdict(string name, string form, string rewrite)
    {
        var c = CorpusCatalog.Get(name);
        var original = c.Form(form);
        var rewritten = MutationCases.Apply(MutationCases.FormRewrites.Single(r => r.Name == rewrite), original)!;
        var before = CorpusVerdict.Of(c, original);
        var after = CorpusVerdict.Of(c, rewritten);
        Assert.True(
            before.SetEquals(after),
            $"{name} ({form}) after '{rewrite}':\n  before [{string.Join(", ", before.Order())}]\n  after  [{string.Join(", ", after.Order())}]\n"
            + string.Join("\n", CorpusVerdict.Violations(c, rewritten).Select(v => $"  {v.Level} {v.Policy} {v.Name}: {v.Message}")));
    }

    [Fact]
    public void EveryRewriteAppliesToSomeCorpusStack()
    {
        var applied = Cases().Select(row => (string)row[2]).ToHashSet();
        Assert.Equal(MutationCases.FormRewrites.Select(r => r.Name).Order(), applied.Order());
    }

    [Fact]
    public void RewritesReallyChangeTheForm()
    {
        var c = CorpusCatalog.Get("tfm-vpc-endpoints");
        var template = c.Template();
        var rules = MutationCases.Apply(MutationCases.FormRewrites.Single(r => r.Name == "SecurityGroupRule -> inline rules"), template)!;
        Assert.DoesNotContain(rules, r => r.Type == AwsTypes.SecurityGroupRule);
        var routes = MutationCases.Apply(MutationCases.FormRewrites.Single(r => r.Name == "inline routes -> Route resources"), CorpusCatalog.Get("dual-stack-eigw").Template())!;
        Assert.All(routes.Where(r => r.Type == AwsTypes.RouteTable), r => Assert.False(r.Inputs.Properties.ContainsKey("routes")));
        Assert.Equal(4, routes.Count(r => r.Type == AwsTypes.Route));
        var literal = MutationCases.Apply(MutationCases.FormRewrites.Single(r => r.Name == "references -> literal ids and ARNs"), template)!;
        Assert.All(literal, r => Assert.NotNull(r.Id));
    }

    [Fact]
    public void TheVerdictComparisonSeesARealChange()
    {
        // Not a rewrite: dropping the S3 gateway endpoint of isolated subnets must change the verdict.
        var c = CorpusCatalog.Get("cdk-isolated");
        var edit = new StackEdit(c.Template());
        edit.Remove(edit.ByName("s3-endpoint")!);
        Assert.Empty(CorpusVerdict.Mandatory(c, c.Template()));
        Assert.Contains((CorpusCatalog.PrivateEndpoints, "service"), CorpusVerdict.Mandatory(c, edit.Resources));
    }
}
