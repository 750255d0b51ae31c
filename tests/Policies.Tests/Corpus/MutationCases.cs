using FargateNetwork.Policies.Tests.Corpus.Mutation;

namespace FargateNetwork.Policies.Tests.Corpus;

/// <summary>The (case, form, mutation) triples where a mutation applies, for the property theories.</summary>
public static class MutationCases
{
    public static readonly string[] Forms = ["template", "export"];

    public static IReadOnlyList<Rewrite> FormRewrites { get; } = [.. RouteRewrites.All, .. RuleRewrites.All, .. ValueRewrites.All];

    /// <summary>Applies <paramref name="rewrite"/> to a copy of <paramref name="resources"/>; null when it does not apply.</summary>
    public static IReadOnlyList<StackResource>? Apply(Rewrite rewrite, IReadOnlyList<StackResource> resources)
    {
        var edit = new StackEdit(resources);
        return rewrite.Apply(edit) ? edit.Resources : null;
    }

    public static TheoryData<string, string, string> Applicable(Func<CorpusCase, IEnumerable<Rewrite>> rewrites)
    {
        var data = new TheoryData<string, string, string>();
        foreach (var c in CorpusCatalog.All)
        {
            foreach (var form in Forms)
            {
                var resources = c.Form(form);
                foreach (var rewrite in rewrites(c))
                {
                    if (Apply(rewrite, resources) is not null)
                    {
                        data.Add(c.Name, form, rewrite.Name);
                    }
                }
            }
        }

        return data;
    }
}
