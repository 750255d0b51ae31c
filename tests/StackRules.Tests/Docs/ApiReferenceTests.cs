using FargateNetwork.Tests.Shared;

namespace StackRules.Tests.Docs;

/// <summary>docs/sdk-api.md is the reference of every public type and member, as their XML docs say today.</summary>
public class ApiReferenceTests
{
    private static readonly IReadOnlyList<Type> Exported =
        [.. typeof(PolicyPack).Assembly.GetExportedTypes(), .. typeof(Host.PolicyHost).Assembly.GetExportedTypes()];

    private static string Rendered() => ApiReference.Render(
        Exported,
        Path.Combine(AppContext.BaseDirectory, "StackRules.xml"),
        Path.Combine(AppContext.BaseDirectory, "StackRules.Host.xml"));

    [Fact]
    public void TheApiReferenceIsCurrent()
    {
        var path = RepositoryRoot.File("docs", "sdk-api.md");
        var rendered = Rendered();
        if (Environment.GetEnvironmentVariable("STACKRULES_WRITE_DOCS") == "1")
        {
            File.WriteAllText(path, rendered);
        }

        Assert.True(File.Exists(path) && File.ReadAllText(path) == rendered, "docs/sdk-api.md is out of date: run scripts/sdk-docs");
    }

    [Fact]
    public void EveryPublicTypeHasASummary()
    {
        var rendered = Rendered();
        Assert.All(Exported, t => Assert.Contains($"### `{t.Name.Split('`')[0]}", rendered, StringComparison.Ordinal));
        Assert.DoesNotContain("\n\n\n", rendered, StringComparison.Ordinal);
    }
}
