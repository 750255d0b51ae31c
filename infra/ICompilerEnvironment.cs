namespace FargateNetwork.Infra;

/// <summary>What the compiler reads from its process: environment variables and where to look for stack files (a seam for tests).</summary>
public interface ICompilerEnvironment
{
    string? GetVariable(string name);

    /// <summary>Folders to search upwards for Pulumi.yaml in <c>--stack</c> mode, in order.</summary>
    IReadOnlyList<string> SearchRoots { get; }
}

/// <summary>The real process environment.</summary>
internal sealed class ProcessEnvironment : ICompilerEnvironment
{
    public string? GetVariable(string name) => Environment.GetEnvironmentVariable(name);

    public IReadOnlyList<string> SearchRoots => [Environment.CurrentDirectory, AppContext.BaseDirectory];
}
