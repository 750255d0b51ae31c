namespace StackRules.Reports;

/// <summary>
/// The markdown format, for a pull-request comment or docs: per input a heading and the counts, the pack's head
/// sections (diagrams), the violations with their fixes, then the pack's other sections.
/// </summary>
public static class MarkdownReport
{
    /// <summary>Writes the Markdown report of <paramref name="checks"/>.</summary>
    public static void Write(TextWriter output, IReadOnlyList<StackCheck> checks, PackReport? report = null, ReportOptions? options = null)
    {
        options ??= ReportOptions.None;
        foreach (var check in checks)
        {
            output.WriteLine($"## {report?.MarkdownTitle ?? "Policy report"}: `{Cell(check.File)}`");
            output.WriteLine();
            output.WriteLine($"{check.Counts}.");
            output.WriteLine();
            report?.WriteMarkdownHead(output, check, options);
            Violations(output, check);
            report?.WriteMarkdown(output, check, options);
        }
    }

    private static void Violations(TextWriter output, StackCheck check)
    {
        output.WriteLine("### Violations");
        output.WriteLine();
        if (check.Violations.Count == 0)
        {
            output.WriteLine("None.");
            output.WriteLine();
            return;
        }

        output.WriteLine("| Level | Resource | Policy | Finding and fix |");
        output.WriteLine("|---|---|---|---|");
        foreach (var v in check.Violations.OrderByDescending(v => v.Level == EnforcementLevel.Mandatory))
        {
            var resource = v.Urn.Length == 0 ? "the stack" : $"`{Cell(v.Name)}` ({Cell(v.Type)})";
            output.WriteLine($"| {v.Level.Text()} | {resource} | `{v.Policy}` | {Cell(v.Message)} |");
        }

        output.WriteLine();
    }

    /// <summary>Text in a table cell: pipes escaped, angle brackets as entities, one line.</summary>
    public static string Cell(string text) => text
        .Replace("|", "\\|", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\n", " ", StringComparison.Ordinal);
}
