using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace StackRules;

/// <summary>One policy's effective settings: its level and its config properties (defaults from its schema, then the config).</summary>
public sealed class PolicySettings(EnforcementLevel level, JsonObject properties)
{
    /// <summary>The level the policy runs at.</summary>
    public EnforcementLevel Level { get; } = level;

    /// <summary>The config properties, validated against the policy's schema.</summary>
    public JsonObject Properties { get; } = properties;

    /// <summary>A number property, or <paramref name="fallback"/> when it is not set.</summary>
    public double Number(string name, double fallback) => OptionalNumber(name) ?? fallback;

    /// <summary>A number property, or null.</summary>
    public double? OptionalNumber(string name) =>
        JsonNumbers.TryGet(Properties[name], out var d) ? d : null;

    /// <summary>A string property, or null.</summary>
    public string? Text(string name) => Properties[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>A boolean property, or <paramref name="fallback"/>.</summary>
    public bool Flag(string name, bool fallback) => Properties[name] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : fallback;

    /// <summary>A list of strings (items that are not strings are skipped).</summary>
    public IReadOnlyList<string> TextList(string name) =>
        Properties[name] is JsonArray array
            ? array.Select(i => i is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToList()
            : [];

    /// <summary>
    /// The properties as a typed record, with source-generated JSON metadata (Native AOT safe):
    /// <c>settings.As(MyJsonContext.Default.MyConfig)</c>.
    /// </summary>
    public T? As<T>(JsonTypeInfo<T> type) => System.Text.Json.JsonSerializer.Deserialize(Properties, type);
}
