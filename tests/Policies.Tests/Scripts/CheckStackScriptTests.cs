using FargateNetwork.Policies.Tests.Check;
using FargateNetwork.Tests.Shared;

namespace FargateNetwork.Policies.Tests.Scripts;

/// <summary>
/// The main job, <c>scripts/check-stack STACK</c>: the template it checked stays at artifacts/templates/STACK.yaml
/// (the <c>file</c> of every finding, relative to the repository root), the summary names it, and a repeat run
/// rebuilds nothing.
/// </summary>
public class CheckStackScriptTests
{
    [Fact]
    public void TheCheckedTemplateStaysAtAStablePathThatTheReportNames()
    {
        var first = RepositoryScript.Run("scripts/check-stack", "dev", "--format", "json");
        Assert.True(first.Exit == 0, first.Stderr);

        var repeat = RepositoryScript.Run("scripts/check-stack", "dev", "--format", "json");
        Assert.Equal(0, repeat.Exit);
        // The compiler may warn on stderr (placeholder values in the stack file); nothing is built or announced.
        Assert.DoesNotContain("check-stack: compiling", repeat.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("check: building", repeat.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Build succeeded", repeat.Stderr, StringComparison.Ordinal);
        var files = repeat.Json().GetProperty("reachability").EnumerateArray().Select(r => r.GetProperty("file").GetString()).ToHashSet();
        Assert.Equal("artifacts/templates/dev.yaml", Assert.Single(files));

        var template = RepositoryRoot.File("artifacts", "templates", "dev.yaml");
        Assert.Equal(DotnetProcess.CompileStack("dev"), File.ReadAllText(template));

        var text = RepositoryScript.Run("scripts/check-stack", "dev");
        Assert.EndsWith(" violation(s) in artifacts/templates/dev.yaml\n", text.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownStackExitsTwoNamingTheStacks()
    {
        var run = RepositoryScript.Run("scripts/check-stack", "no-such-stack");
        Assert.Equal(2, run.Exit);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.StartsWith("check-stack: no stack file Pulumi.no-such-stack.yaml (stacks: ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("dev", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void HelpPrintsTheUsageAndExitsZero()
    {
        var run = RepositoryScript.Run("scripts/check-stack", "--help");
        Assert.Equal(0, run.Exit);
        Assert.StartsWith("The main job: ", run.Stdout, StringComparison.Ordinal);
    }
}
