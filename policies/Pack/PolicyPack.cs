using System.Text.Json.Nodes;
using FargateNetwork.Policies.Stack;

namespace FargateNetwork.Policies.Pack;

/// <summary>
/// The one entry point to the rules, shared by the offline <c>check</c> command and the analyzer gRPC server, so both
/// run one code path. (Contract fixed in the skeleton; implemented in issue 4.)
/// </summary>
public sealed class PolicyPack
{
    public const string PackName = "fargate-network";
    public const string PackVersion = "0.1.0";

    /// <summary>Every policy with its defaults, in a stable order.</summary>
    public static IReadOnlyList<PolicyInfo> Policies => throw new NotImplementedException();

    /// <summary>
    /// Parses a config in the shape of Pulumi's <c>--policy-pack-config</c>: per policy name, a level string or an
    /// object with <c>enforcementLevel</c> and properties; an <c>all</c> key sets every level. Null means defaults.
    /// Throws <see cref="PolicyConfigException"/> when invalid.
    /// </summary>
    public static PolicyPack Create(JsonObject? config) => throw new NotImplementedException();

    /// <summary>Runs the resource-scoped policies on one resource.</summary>
    public IReadOnlyList<Violation> AnalyzeResource(StackResource resource) => throw new NotImplementedException();

    /// <summary>Runs the stack-scoped policies on the whole stack.</summary>
    public IReadOnlyList<Violation> AnalyzeStack(IReadOnlyList<StackResource> resources) => throw new NotImplementedException();

    /// <summary>
    /// The offline check: every enabled policy (resource- and stack-scoped) over the whole stack, plus the
    /// reachability rows of every subnet where tasks run.
    /// </summary>
    public Evaluation Evaluate(IReadOnlyList<StackResource> resources) => throw new NotImplementedException();
}
