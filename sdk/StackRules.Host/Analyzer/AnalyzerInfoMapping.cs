using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using StackRules.Host.Analyzer.Protocol;
using PackLevel = StackRules.EnforcementLevel;
using WireLevel = StackRules.Host.Analyzer.Protocol.EnforcementLevel;

namespace StackRules.Host.Analyzer;

/// <summary>
/// A pack and its policies as the engine's <c>AnalyzerInfo</c>: every policy with name, display name, description,
/// default level, type (resource or stack) and config schema. As the official <c>@pulumi/policy</c> server does, the
/// schema sent is the <c>properties</c> of the policy's object schema (each a JSON object, which the engine requires)
/// plus its <c>required</c> list.
/// </summary>
internal static class AnalyzerInfoMapping
{
    public static AnalyzerInfo Build(PolicyPack pack)
    {
        var info = new AnalyzerInfo
        {
            Name = pack.Name,
            DisplayName = pack.DisplayName ?? pack.Name,
            Version = pack.Version,
            Description = pack.Description,
            SupportsConfig = true,
        };
        info.Policies.AddRange(pack.Policies.Select(Policy));
        return info;
    }

    public static Protocol.PolicyInfo Policy(Policy policy)
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
            DisplayName = policy.DisplayName ?? policy.Name,
            Description = policy.Description,
            EnforcementLevel = ToWire(policy.EnforcementLevel),
            ConfigSchema = schema,
            PolicyType = policy.Scope == PolicyScope.Resource ? PolicyType.Resource : PolicyType.Stack,
        };
    }

    public static WireLevel ToWire(PackLevel level) => level switch
    {
        PackLevel.Advisory => WireLevel.Advisory,
        PackLevel.Mandatory => WireLevel.Mandatory,
        PackLevel.Remediate => WireLevel.Remediate,
        _ => WireLevel.Disabled,
    };

    /// <summary>The config string of a wire level, as <c>--policy-pack-config</c> spells it.</summary>
    public static string ToConfig(WireLevel level) => level switch
    {
        WireLevel.Advisory => PackLevel.Advisory.Text(),
        WireLevel.Mandatory => PackLevel.Mandatory.Text(),
        WireLevel.Disabled => PackLevel.Disabled.Text(),
        WireLevel.Remediate => PackLevel.Remediate.Text(),
        _ => throw new PolicyConfigException($"policy config: enforcement level {(int)level} is not one of {EnforcementLevels.Choices}."),
    };
}
