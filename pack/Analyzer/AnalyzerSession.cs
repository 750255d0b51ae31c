using FargateNetwork.Policies.Pack;

namespace FargateNetwork.Pack.Analyzer;

/// <summary>
/// What one analyzer process remembers between calls: the configured pack (defaults until <c>Configure</c>) and the
/// stack it runs for (from <c>ConfigureStack</c>, which may never come: <c>pulumi policy analyze</c> skips it). The
/// engine starts a fresh process per operation, so nothing outlives the process. Thread-safe: calls may overlap.
/// </summary>
public sealed class AnalyzerSession
{
    private volatile PolicyPack pack = PolicyPack.Create(null);
    private volatile StackIdentity? stack;

    /// <summary>The pack every analysis uses; replaced whole by <c>Configure</c>.</summary>
    public PolicyPack Pack
    {
        get => pack;
        set => pack = value;
    }

    /// <summary>The stack of this operation, or null before (or without) <c>ConfigureStack</c>.</summary>
    public StackIdentity? Stack
    {
        get => stack;
        set => stack = value;
    }

    /// <summary>The engine's address and the pack directory, from the command line or the handshake.</summary>
    public string? EngineAddress { get; set; }

    public string? RootDirectory { get; set; }
}

/// <summary>The stack an operation runs for, and whether it is a preview.</summary>
/// <param name="Tags">The stack tags.</param>
public sealed record StackIdentity(string Organization, string Project, string Stack, bool DryRun, IReadOnlyDictionary<string, string> Tags);
