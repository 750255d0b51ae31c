using System.Text.Json.Nodes;

namespace StackRules;

/// <summary>
/// Reads a policy config in the shape of Pulumi's <c>--policy-pack-config</c>: per policy name a level string
/// (<c>advisory</c>, <c>mandatory</c>, <c>remediate</c>, <c>disabled</c>) or an object with an optional
/// <c>enforcementLevel</c> and the policy's properties; <c>all</c> sets every level first. The <c>environments</c> key
/// (Pulumi ESC) is accepted and ignored. Properties are validated against each policy's schema
/// (<see cref="ConfigValidator"/>), with unknown properties refused as Pulumi refuses them.
/// </summary>
public static class PolicyConfig
{
    /// <summary>The key that sets every policy's level.</summary>
    public const string AllKey = "all";

    /// <summary>
    /// The effective settings of every policy: schema defaults, then <paramref name="config"/> (null means defaults).
    /// Throws <see cref="PolicyConfigException"/> naming the policy, the key and the fix.
    /// </summary>
    public static IReadOnlyDictionary<string, PolicySettings> Parse(JsonObject? config, IReadOnlyList<Policy> policies)
    {
        var byName = policies.ToDictionary(p => p.Name, StringComparer.Ordinal);
        EnforcementLevel? all = null;
        if (config?[AllKey] is { } allNode)
        {
            all = LevelOf(allNode, AllKey, policy: null, out _);
        }

        foreach (var (key, _) in config ?? [])
        {
            if (key is not AllKey and not "environments" && !byName.ContainsKey(key))
            {
                throw new PolicyConfigException(
                    $"policy config: unknown policy \"{key}\". Valid names: {string.Join(", ", byName.Keys)} (and \"all\"). Fix the key or remove it.");
            }
        }

        var result = new Dictionary<string, PolicySettings>(StringComparer.Ordinal);
        foreach (var policy in policies)
        {
            var properties = Defaults(policy.ConfigSchema);
            var level = all ?? policy.EnforcementLevel;
            if (config?[policy.Name] is { } node)
            {
                level = LevelOf(node, policy.Name, policy, out var given) ?? level;
                foreach (var (name, value) in given)
                {
                    properties[name] = value?.DeepClone();
                }
            }

            if (policy.ConfigSchema["required"] is JsonArray required)
            {
                foreach (var name in required.Select(r => r?.GetValue<string>()).OfType<string>().Where(n => !properties.ContainsKey(n)))
                {
                    throw new PolicyConfigException($"policy config: \"{policy.Name}\" needs the property \"{name}\". Set it under the policy's name.");
                }
            }

            result[policy.Name] = new PolicySettings(level, properties);
        }

        return result;
    }

    private static JsonObject Defaults(JsonObject schema)
    {
        var defaults = new JsonObject();
        if (schema["properties"] is JsonObject props)
        {
            foreach (var (name, prop) in props)
            {
                if (prop?["default"] is { } value)
                {
                    defaults[name] = value.DeepClone();
                }
            }
        }

        return defaults;
    }

    private static EnforcementLevel? LevelOf(JsonNode node, string key, Policy? policy, out List<KeyValuePair<string, JsonNode?>> properties)
    {
        properties = [];
        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            return ParseLevel(text, key);
        }

        if (node is not JsonObject obj)
        {
            throw new PolicyConfigException($"policy config: \"{key}\" must be a level string ({EnforcementLevels.Choices}) or an object with \"enforcementLevel\" and properties, not {node.ToJsonString()}.");
        }

        EnforcementLevel? level = null;
        foreach (var (name, child) in obj)
        {
            if (name == "enforcementLevel")
            {
                level = child is JsonValue v && v.TryGetValue<string>(out var s)
                    ? ParseLevel(s, key)
                    : throw new PolicyConfigException($"policy config: \"{key}.enforcementLevel\" must be a string: {EnforcementLevels.Choices}.");
                continue;
            }

            if (policy is null)
            {
                throw new PolicyConfigException($"policy config: \"{key}\" takes only \"enforcementLevel\", not \"{name}\". Put properties under the policy's own name.");
            }

            var props = policy.ConfigSchema["properties"] as JsonObject;
            if (props?[name] is not JsonObject schema)
            {
                var known = props is { Count: > 0 } ? string.Join(", ", props.Select(p => p.Key)) : "none";
                throw new PolicyConfigException($"policy config: \"{key}\" has no property \"{name}\" (its properties: {known}; plus enforcementLevel).");
            }

            if (ConfigValidator.Check(child, schema, $"{key}.{name}") is { } error)
            {
                throw new PolicyConfigException($"policy config: {error}.");
            }

            properties.Add(new(name, child));
        }

        return level;
    }

    private static EnforcementLevel ParseLevel(string text, string key) =>
        EnforcementLevels.TryParse(text, out var level)
            ? level
            : throw new PolicyConfigException($"policy config: \"{key}\" has enforcement level \"{text}\"; use {EnforcementLevels.Choices}.");
}

/// <summary>Thrown for an invalid policy config; the message names the policy, the key and the fix.</summary>
public sealed class PolicyConfigException(string message) : Exception(message);
