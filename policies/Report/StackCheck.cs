using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Pack;

namespace FargateNetwork.Policies.Report;

/// <summary>The result of checking one input: its name as given, and the pack's evaluation.</summary>
public sealed record StackCheck(string File, Evaluation Evaluation)
{
    /// <summary>The network, its cost and the tasks' needs, for the reports (null only in tests that build a check by hand).</summary>
    public Report.StackNetwork? Network { get; init; }

    public int Mandatory => Evaluation.Violations.Count(v => v.Level == EnforcementLevel.Mandatory);

    public int Advisory => Evaluation.Violations.Count(v => v.Level == EnforcementLevel.Advisory);
}
