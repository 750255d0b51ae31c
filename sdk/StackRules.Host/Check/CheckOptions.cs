using StackRules.Reports;

namespace StackRules.Host.Check;

/// <summary>The options of <c>check</c>.</summary>
/// <param name="Format">Output format; default text.</param>
/// <param name="ConfigFile">A policy config in the shape of Pulumi's <c>--policy-pack-config</c>; default none (each policy at its default level).</param>
/// <param name="Files">The inputs, each a stack checked on its own; <c>-</c> is standard input.</param>
/// <param name="PackOptions">The options the pack's report declares (<see cref="PackReport.Options"/>).</param>
/// <param name="Help">Print the usage and exit 0.</param>
/// <param name="Version">Print the pack name and version and exit 0.</param>
internal sealed record CheckOptions(OutputFormat Format, string? ConfigFile, IReadOnlyList<string> Files, ReportOptions PackOptions, bool Help = false, bool Version = false)
{
    /// <summary>The usage text of <paramref name="pack"/>'s <c>check</c>.</summary>
    public static string Usage(PolicyPack pack)
    {
        var exe = PolicyHost.ExecutableName(pack);
        var options = pack.Report?.Options ?? [];
        var lines = new List<string>
        {
            $"usage: {exe} check [--format text|json|sarif|markdown] [--config FILE] [pack options] FILE...",
            $"       {exe} check --help | --version",
            "  FILE    a Pulumi YAML/JSON template, a `pulumi stack export` file or `pulumi preview --json` output; - for stdin;",
            "          each file is checked and reported on its own",
            "  --config FILE   a policy config as `pulumi preview --policy-pack-config` takes it",
        };
        if (options.Count > 0)
        {
            lines.Add("  pack options:");
            lines.AddRange(options.Select(o => $"  {(o.ValueName is null ? o.Name : $"{o.Name} {o.ValueName}"),-24} {o.Help}"));
        }

        lines.Add("  exit    the worst over all files: 2 a bad file, config or usage, else 1 a mandatory violation, else 0");
        return string.Join('\n', lines);
    }

    /// <summary>
    /// Parses the arguments after <c>check</c>. <c>-h</c>/<c>--help</c>, then <c>--version</c>, anywhere before
    /// <c>--</c> win over everything else, even a mistake elsewhere on the line. Throws <see cref="UsageException"/>.
    /// </summary>
    public static CheckOptions Parse(IReadOnlyList<string> args, PolicyPack pack)
    {
        var flags = args.TakeWhile(a => a != "--").ToList();
        if (flags.Exists(a => a is "-h" or "--help"))
        {
            return new CheckOptions(OutputFormat.Text, null, [], ReportOptions.None, Help: true);
        }

        if (flags.Contains("--version"))
        {
            return new CheckOptions(OutputFormat.Text, null, [], ReportOptions.None, Version: true);
        }

        var declared = (pack.Report?.Options ?? []).ToDictionary(o => o.Name, StringComparer.Ordinal);
        var format = OutputFormat.Text;
        string? config = null;
        var files = new List<string>();
        var packOptions = new Dictionary<string, string?>(StringComparer.Ordinal);
        var optionsEnded = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (optionsEnded || arg == "-" || !arg.StartsWith('-'))
            {
                files.Add(arg);
                continue;
            }

            var (name, inline) = arg.IndexOf('=', StringComparison.Ordinal) is > 0 and var eq ? (arg[..eq], arg[(eq + 1)..]) : (arg, null);
            switch (name)
            {
                case "--":
                    optionsEnded = true;
                    break;
                case "--format" or "-f":
                    var value = inline ?? Next(args, ref i, name);
                    format = value switch
                    {
                        "text" => OutputFormat.Text,
                        "json" => OutputFormat.Json,
                        "sarif" => OutputFormat.Sarif,
                        "markdown" or "md" => OutputFormat.Markdown,
                        _ => throw new UsageException($"--format {value}: expected text, json, sarif or markdown"),
                    };
                    break;
                case "--config" or "-c":
                    config = inline ?? Next(args, ref i, name);
                    break;
                default:
                    if (!declared.TryGetValue(name, out var option))
                    {
                        throw new UsageException($"unknown option {name}");
                    }

                    if (option.ValueName is null && inline is not null)
                    {
                        throw new UsageException($"{name} takes no value");
                    }

                    packOptions[name] = option.ValueName is null ? null : inline ?? Next(args, ref i, name);
                    break;
            }
        }

        if (files.Count == 0)
        {
            throw new UsageException("no input: give a template, stack export or preview JSON file (- for stdin)");
        }

        if (files.Count(f => f == "-") > 1)
        {
            throw new UsageException("standard input (-) can be read once only");
        }

        return new CheckOptions(format, config, files, new ReportOptions(packOptions));
    }

    private static string Next(IReadOnlyList<string> args, ref int i, string name) =>
        ++i < args.Count ? args[i] : throw new UsageException($"{name} needs a value");
}
