using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Pack;

namespace FargateNetwork.Policies.Report;

/// <summary>The result of checking one input: its name as given, and the pack's evaluation.</summary>
public sealed record StackCheck(string File, Evaluation Evaluation)
{
    public int Mandatory => Evaluation.Violations.Count(v => v.Level == EnforcementLevel.Mandatory);

    public int Advisory => Evaluation.Violations.Count(v => v.Level == EnforcementLevel.Advisory);
}
