using System.Text.Json.Nodes;
using FargateNetwork.Policies.Pack;

namespace FargateNetwork.Policies.Contract;

/// <summary>
/// A stack policy of the Fargate network pack: a query over the shared network model
/// (<see cref="FargateNetworkExtension.Network"/>) that yields findings.
/// </summary>
public abstract class NetworkPolicy : StackPolicy
{
    protected NetworkPolicy(string id, string displayName, string description, EnforcementLevel level, JsonObject schema)
        : base(id, description)
    {
        DisplayName = displayName;
        EnforcementLevel = level;
        ConfigSchema = schema;
    }

    /// <summary>The findings of this policy on the model.</summary>
    public abstract IEnumerable<Finding> Check(PolicyContext context, PolicySettings settings);

    public override void ValidateStack(StackValidationArgs args, Violations violations) =>
        Report(Check(args.Use(FargateNetworkExtension.Network), args.Config), violations);

    internal static void Report(IEnumerable<Finding> findings, Violations violations)
    {
        foreach (var finding in findings)
        {
            if (finding.AdvisoryOnly)
            {
                violations.AddAdvisory(finding.Resource, finding.Message);
            }
            else
            {
                violations.Add(finding.Resource, finding.Message);
            }
        }
    }
}

/// <summary>A resource policy of the Fargate network pack: the same query, over a model of one resource.</summary>
public abstract class NetworkResourcePolicy : ResourcePolicy
{
    protected NetworkResourcePolicy(string id, string displayName, string description, EnforcementLevel level, JsonObject schema)
        : base(id, description)
    {
        DisplayName = displayName;
        EnforcementLevel = level;
        ConfigSchema = schema;
    }

    /// <summary>The findings of this policy on the model.</summary>
    public abstract IEnumerable<Finding> Check(PolicyContext context, PolicySettings settings);

    public override void ValidateResource(ResourceValidationArgs args, Violations violations) =>
        NetworkPolicy.Report(Check(args.Use(FargateNetworkExtension.Network), args.Config), violations);
}

/// <summary>A finding on one resource. <see cref="AdvisoryOnly"/> findings are never mandatory, whatever the policy's level.</summary>
public sealed record Finding(StackResource Resource, string Message, bool AdvisoryOnly = false);
