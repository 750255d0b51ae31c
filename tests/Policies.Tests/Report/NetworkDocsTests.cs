using FargateNetwork.Policies.Tests.Check;
using FargateNetwork.Tests.Shared;

namespace FargateNetwork.Policies.Tests.Report;

/// <summary>docs/network.md shows the current dev and prod reports: regenerate with scripts/network-docs.</summary>
public class NetworkDocsTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void TheGeneratedSectionMatchesTheStack(string stack)
    {
        var docs = File.ReadAllText(RepositoryRoot.File("docs", "network.md"));
        var begin = $"<!-- BEGIN generated: {stack} -->\n";
        var end = $"<!-- END generated: {stack} -->";
        var from = docs.IndexOf(begin, StringComparison.Ordinal);
        var to = docs.IndexOf(end, StringComparison.Ordinal);
        Assert.True(from >= 0 && to > from, $"docs/network.md has no generated section for {stack}");
        var current = docs[(from + begin.Length)..to];

        // The script checks artifacts/templates/<stack>.yaml from the repository root; so does this test.
        var template = RepositoryRoot.File("artifacts", "templates", $"{stack}.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(template)!);
        // Written next to it and renamed over it, as scripts/check-stack does: another test's check of the same file
        // (CheckStackScriptTests) must never read it half-written.
        var partial = $"{template}.partial.{Guid.NewGuid():N}";
        File.WriteAllText(partial, DotnetProcess.CompileStack(stack));
        File.Move(partial, template, overwrite: true);
        var fresh = CheckRun.Of("--format", "markdown", template).Stdout.Replace(RepositoryRoot.Path + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal);
        Assert.True(fresh == current, $"docs/network.md is out of date for {stack}: run scripts/network-docs");
    }
}
