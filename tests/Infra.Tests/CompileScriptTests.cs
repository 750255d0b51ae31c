namespace FargateNetwork.Infra.Tests;

/// <summary>
/// <c>sh infra/compile.sh</c> runs the Native AOT build where clang is installed (the framework build otherwise):
/// in both modes its output is byte-identical to the framework build's, <c>--stack</c> mode included (whose JSON
/// strings once used reflection-based serialization, which Native AOT disables: exit 70).
/// </summary>
public sealed class CompileScriptTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void StackModeThroughTheScriptMatchesTheFrameworkBuild(string stack)
    {
        var viaScript = CompilerProcess.Start("sh", ["infra/compile.sh", "--stack", stack], new Dictionary<string, string?>());
        Assert.True(viaScript.ExitCode == 0, viaScript.Stderr);
        var direct = CompilerProcess.Run(new Dictionary<string, string?>(), null, "--stack", stack);
        Assert.True(direct.ExitCode == 0, direct.Stderr);
        Assert.Equal(direct.Stdout, viaScript.Stdout);
        Assert.Equal(direct.Stderr, viaScript.Stderr);
    }
}
