namespace StackRules.Reports;

/// <summary>The result of checking one input: its name as given, the violations, and the pack's report data.</summary>
/// <param name="File">The input as named on the command line (<c>&lt;stdin&gt;</c> for standard input).</param>
/// <param name="Violations">The violations of the input.</param>
public sealed record StackCheck(string File, IReadOnlyList<Violation> Violations)
{
    /// <summary>What <see cref="PackReport.Build"/> returned for this input.</summary>
    public object? Data { get; init; }

    /// <summary>How many violations are mandatory.</summary>
    public int Mandatory => Violations.Count(v => v.Level == EnforcementLevel.Mandatory);

    /// <summary>How many violations are advisory.</summary>
    public int Advisory => Violations.Count(v => v.Level == EnforcementLevel.Advisory);

    /// <summary>How many violations Pulumi would remediate at deployment.</summary>
    public int Remediated => Violations.Count(v => v.Level == EnforcementLevel.Remediate);

    /// <summary>The summary sentence: <c>1 mandatory, 2 advisory violation(s)</c> (and the remediated count when there are some).</summary>
    public string Counts => Remediated > 0
        ? $"{Mandatory} mandatory, {Advisory} advisory violation(s), {Remediated} to remediate"
        : $"{Mandatory} mandatory, {Advisory} advisory violation(s)";
}
