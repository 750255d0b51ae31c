using System.Text.Json.Nodes;
using FargateNetwork.Policies.Stack;

namespace FargateNetwork.Policies.Pack;

/// <summary>Where a policy runs: on one resource at a time (Pulumi's Analyze) or on the whole stack (AnalyzeStack).</summary>
public enum PolicyScope
{
    Resource,
    Stack,
}

/// <summary>What the pack says about one policy (for GetAnalyzerInfo and the offline command's help).</summary>
/// <param name="ConfigSchema">JSON schema of the policy's config properties (an object schema).</param>
public sealed record PolicyInfo(
    string Name,
    string DisplayName,
    string Description,
    EnforcementLevel DefaultLevel,
    PolicyScope Scope,
    JsonObject ConfigSchema);

/// <summary>One finding. <see cref="Message"/> never contains a secret value.</summary>
public sealed record Violation(
    string Policy,
    EnforcementLevel Level,
    string Urn,
    string Type,
    string Name,
    string Message);

/// <summary>Thrown for an invalid policy config; the message names the policy, the key and the fix.</summary>
public sealed class PolicyConfigException(string message) : Exception(message);
