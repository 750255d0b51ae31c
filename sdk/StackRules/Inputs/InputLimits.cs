namespace StackRules.Inputs;

/// <summary>
/// The limits every reader applies, so hostile input is refused in time linear in its size and in bounded memory
/// (docs/check.md lists them for users). Each is enforced while reading, before the document is loaded.
/// </summary>
public static class InputLimits
{
    /// <summary>An input file (template, stack export, preview JSON) may hold at most this many bytes: 128 MiB.</summary>
    public const long MaxInputBytes = 128L * 1024 * 1024;

    /// <summary>A policy config (<c>--config</c>) may hold at most this many bytes: 1 MiB.</summary>
    public const long MaxConfigBytes = 1024 * 1024;

    /// <summary>Maps and lists may nest at most this deep, in YAML and JSON, counting template variables' content where used.</summary>
    public const int MaxDepth = 256;

    /// <summary>A policy config nests at most this deep.</summary>
    public const int MaxConfigDepth = 32;

    /// <summary>The floor of the expansion limit: 16 Mi values and characters.</summary>
    public const long MinExpansion = 16L * 1024 * 1024;

    /// <summary>
    /// What a template's resources may expand to, counting every value and every character each time a YAML alias,
    /// a variable or an <c>fn::join</c> repeats it: four times the size of the file, and at least
    /// <see cref="MinExpansion"/>.
    /// </summary>
    public static long ExpansionLimit(long inputLength) => Math.Max(MinExpansion, 4 * inputLength);

    /// <summary>A size in bytes as people read it: "128 MiB".</summary>
    public static string Describe(long bytes) =>
        bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MiB" : $"{bytes} bytes";
}
