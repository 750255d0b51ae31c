using StackRules.Host.Analyzer;
using StackRules.Host.Check;

namespace StackRules.Host;

/// <summary>
/// The one call a pack's <c>Main</c> makes: <c>return await PolicyHost.RunAsync(args, pack);</c>. With an engine
/// address (<c>host:port</c>) the Pulumi CLI is starting the pack as an analyzer plugin: it serves Pulumi's analyzer
/// gRPC protocol on a free loopback port and prints the port. <c>check FILE...</c> runs the policies offline on
/// Pulumi YAML templates, stack exports and <c>pulumi preview --json</c> output. <c>--help</c> and <c>--version</c>
/// answer on stdout; anything else prints the usage on stderr and exits 2.
/// </summary>
public static class PolicyHost
{
    /// <summary>The executable name Pulumi looks for: <c>pulumi-analyzer-policy-&lt;pack name&gt;</c>.</summary>
    public static string ExecutableName(PolicyPack pack) => $"pulumi-analyzer-policy-{pack.Name}";

    /// <summary>
    /// Runs the pack as the command line asks; returns the exit code. <paramref name="commands"/> adds subcommands of
    /// the pack's own (<c>name</c> → handler over the remaining arguments, returning an exit code).
    /// </summary>
    public static async Task<int> RunAsync(string[] args, PolicyPack pack, IReadOnlyDictionary<string, Func<string[], int>>? commands = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(pack);
        var exe = ExecutableName(pack);
        var analyzerUsage =
            $"       {exe} <engine-address> [pack-directory]\n" +
            "          serves Pulumi's analyzer protocol: what `pulumi preview --policy-pack` starts";
        if (args is ["check", ..])
        {
            var stdout = Console.OpenStandardOutput();
            var code = CheckCommand.Run(pack, args[1..], Console.In, stdout, Console.Error);
            stdout.Flush();
            return code;
        }

        if (args.Length > 0 && commands is not null && commands.TryGetValue(args[0], out var command))
        {
            return command(args[1..]);
        }

        if (args is ["--version"])
        {
            Console.Out.WriteLine(CheckCommand.VersionLine(pack));
            return CheckCommand.Passed;
        }

        if (args is ["--help"] or ["-h"])
        {
            Console.Out.WriteLine(CheckOptions.Usage(pack));
            Console.Out.WriteLine(analyzerUsage);
            return CheckCommand.Passed;
        }

        if (!AnalyzerArguments.Parse(args).HasEngineAddress)
        {
            Console.Error.WriteLine(CheckOptions.Usage(pack));
            Console.Error.WriteLine(analyzerUsage);
            return CheckCommand.BadInput;
        }

        return await AnalyzerHost.RunAsync(args, pack);
    }

    /// <summary>
    /// The offline check in-process, as <c>check</c> runs it (for a pack's own tests): <paramref name="args"/> are the
    /// arguments after <c>check</c>; the report goes to <paramref name="stdout"/>, errors to <paramref name="stderr"/>.
    /// Returns the exit code: 0 passed, 1 a mandatory violation, 2 a bad input, config or usage.
    /// </summary>
    public static int Check(PolicyPack pack, IReadOnlyList<string> args, Stream stdout, TextWriter stderr, TextReader? stdin = null) =>
        CheckCommand.Run(pack, args, stdin ?? TextReader.Null, stdout, stderr);
}
