using System.Text.Json.Nodes;
using FargateNetwork.Policies.Model;

namespace FargateNetwork.Policies.Contract;

/// <summary>One policy's effective settings: its level and its config properties (defaults from its schema, then the config).</summary>
public sealed class PolicySettings(EnforcementLevel level, JsonObject properties)
{
    public EnforcementLevel Level { get; } = level;

    public JsonObject Properties { get; } = properties;

    public double Number(string name, double fallback) =>
        Properties[name] is JsonValue v && v.TryGetValue<double>(out var d) ? d : fallback;

    public double? OptionalNumber(string name) =>
        Properties[name] is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;

    public string? Text(string name) => Properties[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public IReadOnlyList<Cidr> Cidrs(string name) =>
        Properties[name] is JsonArray array
            ? array.Select(i => i is JsonValue v && v.TryGetValue<string>(out var s) && Cidr.TryParse(s, out var c) ? (Cidr?)c : null)
                .Where(c => c.HasValue).Select(c => c!.Value).ToList()
            : [];
}
