using Moq;

namespace FargateNetwork.Infra.Tests;

/// <summary>Runs <see cref="Compiler"/> in process with a stand-in environment (Moq), as the contract tests run the real process.</summary>
internal static class TestCompiler
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public ParsedTemplate Template => new(Stdout);
    }

    public static Result Run(IReadOnlyDictionary<string, string?> variables, params string[] args)
    {
        var environment = new Mock<ICompilerEnvironment>(MockBehavior.Strict);
        environment.Setup(e => e.GetVariable(It.IsAny<string>())).Returns((string name) => variables.TryGetValue(name, out var v) ? v : null);
        environment.SetupGet(e => e.SearchRoots).Returns([FargateNetwork.Tests.Shared.RepositoryRoot.Path]);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Compiler.Run(args, environment.Object, stdout, stderr);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Run mode with <paramref name="config"/> as PULUMI_CONFIG.</summary>
    public static Result RunMode(TestConfig config) => Run(new Dictionary<string, string?>
    {
        ["PULUMI_STACK"] = "test",
        ["PULUMI_PROJECT"] = "fargate-network",
        ["PULUMI_CONFIG"] = config.ToJson(),
    });

    public static ParsedTemplate Stack(string name)
    {
        var result = Run(new Dictionary<string, string?>(), "--stack", name);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return result.Template;
    }
}
