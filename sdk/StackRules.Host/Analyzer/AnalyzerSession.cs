namespace StackRules.Host.Analyzer;

/// <summary>
/// What one analyzer process remembers between calls: the pack it serves, its configuration (defaults until
/// <c>Configure</c>) and the stack it runs for (from <c>ConfigureStack</c>, which may never come: <c>pulumi policy
/// analyze</c> skips it). The engine starts a fresh process per operation, so nothing outlives the process.
/// Thread-safe: calls may overlap.
/// </summary>
internal sealed class AnalyzerSession(PolicyPack pack)
{
    private volatile ConfiguredPack configured = pack.Defaults();
    private volatile StackIdentity? stack;

    /// <summary>The pack served.</summary>
    public PolicyPack Definition { get; } = pack;

    /// <summary>How the pack's preview unknowns are linked to resources.</summary>
    public DependencyReferences References { get; } = new(pack.ReferenceKeys);

    /// <summary>The configured pack every analysis uses; replaced whole by <c>Configure</c>.</summary>
    public ConfiguredPack Pack
    {
        get => configured;
        set => configured = value;
    }

    /// <summary>The stack of this operation, or null before (or without) <c>ConfigureStack</c>.</summary>
    public StackIdentity? Stack
    {
        get => stack;
        set => stack = value;
    }

    /// <summary>The engine's address and the pack directory, from the command line or the handshake.</summary>
    public string? EngineAddress { get; set; }

    /// <summary>The pack's directory.</summary>
    public string? RootDirectory { get; set; }
}

/// <summary>The stack an operation runs for, and whether it is a preview.</summary>
/// <param name="Tags">The stack tags.</param>
internal sealed record StackIdentity(string Organization, string Project, string Stack, bool DryRun, IReadOnlyDictionary<string, string> Tags);
