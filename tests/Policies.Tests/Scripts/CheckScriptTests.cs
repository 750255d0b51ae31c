using StackRules.Host.Check;
using FargateNetwork.Policies.Tests.Check;

namespace FargateNetwork.Policies.Tests.Scripts;

/// <summary>
/// <c>scripts/check [options] FILE...</c>: builds the pack only when it is missing or stale, then runs it; stdout
/// carries only the report, and the exit code is the check's.
/// </summary>
public class CheckScriptTests
{
    [Fact]
    public void ARepeatRunBuildsNothingAndStdoutIsOnlyTheReport()
    {
        var first = RepositoryScript.Run("scripts/check", "--format", "json", CheckRun.Fixture("broken-template.yaml"));
        Assert.True(first.Exit == 1, first.Stderr);
        Assert.Equal(2, first.Violations().Count);

        var repeat = RepositoryScript.Run("scripts/check", "--format", "json", CheckRun.Fixture("broken-template.yaml"));
        Assert.Equal(1, repeat.Exit);
        Assert.Equal(string.Empty, repeat.Stderr);
        Assert.Equal(first.Stdout, repeat.Stdout);
    }

    [Fact]
    public void ExitCodesAndOptionsPassThrough()
    {
        Assert.Equal(0, RepositoryScript.Run("scripts/check", CheckRun.Fixture("nat-pulls.yaml")).Exit);

        var missing = RepositoryScript.Run("scripts/check", "no-such-file.yaml");
        Assert.Equal(2, missing.Exit);
        Assert.Equal(string.Empty, missing.Stdout);
        Assert.Contains("no-such-file.yaml: ", missing.Stderr, StringComparison.Ordinal);

        var version = RepositoryScript.Run("scripts/check", "--version");
        Assert.Equal(0, version.Exit);
        Assert.Equal($"{CheckCommand.VersionLine(FargateNetwork.Policies.Pack.FargatePack.Definition)}\n", version.Stdout);

        var help = RepositoryScript.Run("scripts/check", "--help");
        Assert.Equal(0, help.Exit);
        Assert.StartsWith("usage: ", help.Stdout, StringComparison.Ordinal);
    }
}
