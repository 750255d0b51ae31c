namespace StackRules.Host.Analyzer;

/// <summary>
/// The command line the Pulumi CLI starts an analyzer with, in either shape:
/// <list type="bullet">
/// <item>executable mode (CLI 3.255.0+, <c>--policy-pack &lt;file&gt;</c>):
/// <c>[--logtostderr] [-v=N] [--tracing URL] &lt;engineAddress&gt;</c>;</item>
/// <item>directory mode (plugin on PATH): <c>&lt;engineAddress&gt; . [-key=value ...]</c>, the pack directory second and
/// one flag per <c>runtime.options</c> entry.</item>
/// </list>
/// Logging and tracing flags are accepted and ignored; so is anything unknown, so a newer CLI cannot break the start.
/// </summary>
/// <param name="EngineAddress">The engine's gRPC address, if given (the handshake repeats it).</param>
/// <param name="PackDirectory">The pack directory of the directory mode, if given.</param>
internal sealed record AnalyzerArguments(string? EngineAddress, string? PackDirectory)
{
    /// <summary>
    /// Whether the engine address has the <c>host:port</c> form the CLI always passes (<c>127.0.0.1:51234</c>), so a
    /// mistyped command (<c>lint</c>) gets the usage instead of a server waiting for an engine.
    /// </summary>
    public bool HasEngineAddress =>
        EngineAddress is { } address
        && address.LastIndexOf(':') is var colon and > 0
        && int.TryParse(address.AsSpan(colon + 1), System.Globalization.NumberStyles.None, null, out var port)
        && port is > 0 and <= 65535;

    public static AnalyzerArguments Parse(IReadOnlyList<string> args)
    {
        var positional = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--tracing" or "-tracing")
            {
                i++; // the URL that follows
                continue;
            }

            if (arg.StartsWith('-'))
            {
                continue; // --logtostderr, -v=9, --tracing=URL, -key=value runtime options
            }

            positional.Add(arg);
        }

        return new AnalyzerArguments(positional.ElementAtOrDefault(0), positional.ElementAtOrDefault(1));
    }
}
