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
                violations.AddAdvisory(finding.Resource, finding.Text);
            }
            else
            {
                violations.Add(finding.Resource, finding.Text);
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
/// <param name="Resource">The resource.</param>
/// <param name="Text">The message, as the rule built it (a string, or UTF-8 for a rule that reports many long ones).</param>
/// <param name="AdvisoryOnly">Advisory whatever the policy's level.</param>
public sealed record Finding(StackResource Resource, MessageText Text, bool AdvisoryOnly = false)
{
    /// <summary>A finding whose message is the string <paramref name="Message"/> (parameters named as the record's properties).</summary>
    public Finding(StackResource Resource, string Message, bool AdvisoryOnly = false)
        : this(Resource, MessageText.Of(Message), AdvisoryOnly)
    {
    }

    /// <summary>The message.</summary>
    public string Message => Text.ToString();
}
