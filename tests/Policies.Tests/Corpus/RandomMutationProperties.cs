using FargateNetwork.Policies.Tests.Corpus.Mutation;
using FsCheck;
using FsCheck.Xunit;

namespace FargateNetwork.Policies.Tests.Corpus;

/// <summary>
/// Both issue 9 properties over random compositions (FsCheck picks the stack, the form and a chain of mutations, and
/// shrinks a failure to the shortest chain): (b) any chain of form rewrites keeps the whole verdict; (a) any set of
/// removals of unneeded things adds no mandatory violation.
/// </summary>
public class RandomMutationProperties
{
    [Property(MaxTest = 120)]
    public void AnyChainOfFormRewritesKeepsTheVerdict(NonNegativeInt caseSeed, bool export, int[] chain)
    {
        var c = CorpusCatalog.All[caseSeed.Get % CorpusCatalog.All.Count];
        var original = c.Form(export ? "export" : "template");
        var (mutated, applied) = ApplyChain(original, MutationCases.FormRewrites, chain);
        var before = CorpusVerdict.Of(c, original);
        var after = CorpusVerdict.Of(c, mutated);
        Assert.True(
            before.SetEquals(after),
            $"{c.Name} ({(export ? "export" : "template")}) after [{string.Join(" ; ", applied)}]:\n  before [{string.Join(", ", before.Order())}]\n  after  [{string.Join(", ", after.Order())}]");
    }

    [Property(MaxTest = 120)]
    public void AnySetOfRemovalsAddsNoMandatoryViolation(NonNegativeInt caseSeed, bool export, int[] chain)
    {
        var c = CorpusCatalog.All[caseSeed.Get % CorpusCatalog.All.Count];
        var original = c.Form(export ? "export" : "template");
        var (mutated, applied) = ApplyChain(original, Removals.For(c).ToList(), chain);
        var added = CorpusVerdict.Mandatory(c, mutated).Except(CorpusVerdict.Mandatory(c, original)).ToList();
        Assert.True(added.Count == 0, $"{c.Name} ({(export ? "export" : "template")}) after [{string.Join(" ; ", applied)}] adds [{string.Join(", ", added)}]");
    }

    /// <summary>Applies the mutations the (at most eight) chain entries pick, in order, skipping those that do not apply.</summary>
    private static (IReadOnlyList<StackResource> Resources, List<string> Applied) ApplyChain(IReadOnlyList<StackResource> resources, IReadOnlyList<Rewrite> mutations, int[] chain)
    {
        var applied = new List<string>();
        foreach (var pick in (chain ?? []).Take(8))
        {
            var mutation = mutations[(int)((uint)pick % (uint)mutations.Count)];
            if (MutationCases.Apply(mutation, resources) is { } next)
            {
                resources = next;
                applied.Add(mutation.Name);
            }
        }

        return (resources, applied);
    }
}
