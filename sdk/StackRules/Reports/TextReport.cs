namespace StackRules.Reports;

/// <summary>
/// The text format: per input, violations grouped by resource (<c>name (type)</c>), one line each
/// (<c>[mandatory] policy: message</c>), then the pack's sections, then a summary line.
/// </summary>
public static class TextReport
{
    /// <summary>Writes the text report of <paramref name="checks"/>.</summary>
    public static void Write(TextWriter output, IReadOnlyList<StackCheck> checks, PackReport? report = null, ReportOptions? options = null)
    {
        options ??= ReportOptions.None;
        foreach (var check in checks)
        {
            foreach (var resource in check.Violations.GroupBy(v => v.Urn))
            {
                var first = resource.First();
                output.WriteLine(first.Urn.Length == 0 ? "the stack" : $"{first.Name} ({first.Type})");
                foreach (var violation in resource.OrderByDescending(v => v.Level == EnforcementLevel.Mandatory))
                {
                    output.WriteLine($"  [{violation.Level.Text()}] {violation.Policy}: {violation.Message}");
                }

                output.WriteLine();
            }

            report?.WriteText(output, check, options);
            output.WriteLine($"{check.Counts} in {check.File}");
        }
    }
}
