using FargateNetwork.Pack.Analyzer.Protocol;
using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Pack;
using Google.Protobuf.WellKnownTypes;
using Google.Protobuf;
using PackLevel = FargateNetwork.Policies.Contract.EnforcementLevel;
using WireLevel = FargateNetwork.Pack.Analyzer.Protocol.EnforcementLevel;

namespace FargateNetwork.Pack.Analyzer;

/// <summary>
/// The pack and its policies as the engine's <c>AnalyzerInfo</c>: every policy with name, display name, description,
/// default level, type (resource or stack) and config schema. As the official <c>@pulumi/policy</c> server does, the
/// schema sent is the <c>properties</c> of the policy's object schema (each a JSON object, which the engine requires)
/// plus its <c>required</c> list.
/// </summary>
public static class AnalyzerInfoMapping
{
    public const string DisplayName = "Fargate network";

    public const string Description =
        "Fargate network policies: reachability of ECR, S3, CloudWatch Logs and the internet from ECS task subnets.";

    public static AnalyzerInfo Build()
    {
        var info = new AnalyzerInfo
        {
            Name = PolicyPack.PackName,
            DisplayName = DisplayName,
            Version = PolicyPack.PackVersion,
            Description = Description,
            SupportsConfig = true,
        };
        info.Policies.AddRange(PolicyPack.Policies.Select(Policy));
        return info;
    }

    public static Protocol.PolicyInfo Policy(Policies.Contract.PolicyInfo policy)
    {
        var schema = new PolicyConfigSchema
        {
            Properties = policy.ConfigSchema["properties"] is { } properties
                ? JsonParser.Default.Parse<Struct>(properties.ToJsonString())
                : new Struct(),
        };
        if (policy.ConfigSchema["required"] is System.Text.Json.Nodes.JsonArray required)
        {
            schema.Required.AddRange(required.Select(r => r?.GetValue<string>() ?? "").Where(r => r.Length > 0));
        }

        return new Protocol.PolicyInfo
        {
            Name = policy.Name,
            DisplayName = policy.DisplayName,
            Description = policy.Description,
            EnforcementLevel = ToWire(policy.DefaultLevel),
            ConfigSchema = schema,
            PolicyType = policy.Scope == PolicyScope.Resource ? PolicyType.Resource : PolicyType.Stack,
        };
    }

    public static WireLevel ToWire(PackLevel level) => level switch
    {
        PackLevel.Advisory => WireLevel.Advisory,
        PackLevel.Mandatory => WireLevel.Mandatory,
        _ => WireLevel.Disabled,
    };

    /// <summary>The config string of a wire level, as <c>--policy-pack-config</c> spells it.</summary>
    public static string ToConfig(WireLevel level) => level switch
    {
        WireLevel.Advisory => "advisory",
        WireLevel.Mandatory => "mandatory",
        WireLevel.Disabled => "disabled",
        WireLevel.Remediate => "remediate",
        _ => throw new PolicyConfigException($"policy config: enforcement level {(int)level} is not one of advisory, mandatory, disabled, remediate."),
    };
}
