using FargateNetwork.Policies.Tests.Corpus.Mutation;

namespace FargateNetwork.Policies.Tests.Corpus;

/// <summary>
/// Property (a) of issue 9: removing or disabling anything the tasks do not depend on never adds a mandatory
/// violation. The mutations are those of <see cref="Removals"/>, on every corpus stack and form they apply to.
/// </summary>
public class RemovalTests
{
    public static TheoryData<string, string, string> Cases() => MutationCases.Applicable(Removals.For);

    [Theory]
    [MemberData(nameof(Cases))]
    public void RemovingWhatTheTasksDoNotNeedAddsNoMandatoryViolation(string name, string form, string removal)
    {
        var c = CorpusCatalog.Get(name);
        var original = c.Form(form);
        var mutated = MutationCases.Apply(Removals.For(c).Single(r => r.Name == removal), original)!;
        var before = CorpusVerdict.Mandatory(c, original);
        var added = CorpusVerdict.Mandatory(c, mutated).Except(before).ToList();
        Assert.True(
            added.Count == 0,
            $"{name} ({form}) after '{removal}' adds [{string.Join(", ", added)}]\n"
            + string.Join("\n", CorpusVerdict.Violations(c, mutated).Select(v => $"  {v.Level} {v.Policy} {v.Name}: {v.Message}")));
    }

    [Fact]
    public void EveryCaseListsOnlyResourcesItHas()
    {
        foreach (var c in CorpusCatalog.All)
        {
            var names = c.Template().Select(r => r.Name).ToHashSet();
            Assert.All(c.Unneeded, n => Assert.Contains(n, names));
        }
    }
}
