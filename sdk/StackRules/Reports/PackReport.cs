using System.Text.Json;

namespace StackRules.Reports;

/// <summary>
/// A pack's own part of the offline reports: options of its own on the <c>check</c> command line, data it builds
/// per input from the evaluation, and sections it writes into each format (after the violations in text, as extra
/// top-level properties in JSON and SARIF, before and after the violations in Markdown). Every method has a default
/// that writes nothing.
/// </summary>
public abstract class PackReport
{
    /// <summary>The options the pack adds to <c>check</c> (each <c>--name</c> or <c>--name VALUE</c>).</summary>
    public virtual IReadOnlyList<ReportOption> Options => [];

    /// <summary>The title of a Markdown report (<c>## Title: `file`</c>).</summary>
    public virtual string MarkdownTitle => "Policy report";

    /// <summary>
    /// The pack's data for one input (null for none), built once from the evaluation. Throw
    /// <see cref="ReportOptionException"/> for a bad option value (it ends the run with exit 2 and one line).
    /// </summary>
    public virtual object? Build(PackEvaluation evaluation, ReportOptions options) => null;

    /// <summary>Checks the option values once before any input is read; throws <see cref="ReportOptionException"/>.</summary>
    public virtual void Validate(ReportOptions options)
    {
    }

    /// <summary>Text format: written after an input's violations, before its summary line.</summary>
    public virtual void WriteText(TextWriter output, StackCheck check, ReportOptions options)
    {
    }

    /// <summary>Markdown format: written after an input's heading, before its violations.</summary>
    public virtual void WriteMarkdownHead(TextWriter output, StackCheck check, ReportOptions options)
    {
    }

    /// <summary>Markdown format: written after an input's violations.</summary>
    public virtual void WriteMarkdown(TextWriter output, StackCheck check, ReportOptions options)
    {
    }

    /// <summary>JSON format (and SARIF's run properties): extra properties of the top-level object, for all inputs together.</summary>
    public virtual void WriteJson(Utf8JsonWriter json, IReadOnlyList<StackCheck> checks, ReportOptions options)
    {
    }
}

/// <summary>An option a pack adds to <c>check</c>.</summary>
/// <param name="Name">The option with its dashes: <c>--report</c>.</param>
/// <param name="ValueName">The value's placeholder (<c>N</c>, <c>FILE</c>), or null for a flag.</param>
/// <param name="Help">One line for the usage text.</param>
public sealed record ReportOption(string Name, string? ValueName, string Help);

/// <summary>The pack options given on the command line.</summary>
public sealed class ReportOptions(IReadOnlyDictionary<string, string?> values)
{
    /// <summary>No options.</summary>
    public static readonly ReportOptions None = new(new Dictionary<string, string?>());

    /// <summary>Whether <paramref name="name"/> was given.</summary>
    public bool Has(string name) => values.ContainsKey(name);

    /// <summary>The value of <paramref name="name"/>, or null when it was not given.</summary>
    public string? Value(string name) => values.GetValueOrDefault(name);
}

/// <summary>A bad value of a pack option; the message names the option and what it expects.</summary>
public sealed class ReportOptionException(string message) : Exception(message);
