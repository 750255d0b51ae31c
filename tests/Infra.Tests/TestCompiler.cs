namespace FargateNetwork.Infra.Tests;

/// <summary>Runs <see cref="Compiler"/> in process with a stand-in environment, as the contract tests run the real process.</summary>
internal static class TestCompiler
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public ParsedTemplate Template => new(Stdout);
    }

    public static Result Run(IReadOnlyDictionary<string, string?> variables, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Compiler.Run(args, new StandInEnvironment(variables), stdout, stderr);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Run mode with <paramref name="config"/> as PULUMI_CONFIG.</summary>
    public static Result RunMode(TestConfig config) => Run(new Dictionary<string, string?>
    {
        ["PULUMI_STACK"] = "test",
        ["PULUMI_PROJECT"] = "fargate-network",
        ["PULUMI_CONFIG"] = config.ToJson(),
    });

    /// <summary>The given variables, and the repository root as the one place to look for stack files.</summary>
    private sealed class StandInEnvironment(IReadOnlyDictionary<string, string?> variables) : ICompilerEnvironment
    {
        public IReadOnlyList<string> SearchRoots { get; } = [FargateNetwork.Tests.Shared.RepositoryRoot.Path];

        public string? GetVariable(string name) => variables.TryGetValue(name, out var value) ? value : null;
    }

    public static ParsedTemplate Stack(string name)
    {
        var result = Run(new Dictionary<string, string?>(), "--stack", name);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return result.Template;
    }
}
