using System.Globalization;
using System.Text.Json.Nodes;
using FargateNetwork.Policies.Model;
using FargateNetwork.Policies.Rules;

namespace FargateNetwork.Policies.Contract;

/// <summary>
/// The policy config in the shape of Pulumi's <c>--policy-pack-config</c>: per policy name a level string
/// (<c>advisory</c>, <c>mandatory</c>, <c>disabled</c>; <c>remediate</c> counts as mandatory, as in Pulumi) or an object
/// with an optional <c>enforcementLevel</c> and the policy's properties; <c>all</c> sets every level first. The
/// <c>environments</c> key (Pulumi ESC) is accepted and ignored. Properties are checked against each policy's schema.
/// </summary>
public static class PolicyConfig
{
    public const string AllKey = "all";

    /// <summary>
    /// The largest number a property may hold: the cost estimates multiply up to three config numbers (pulls per day,
    /// image size, a price) by 30 days, and the product must stay within <see cref="decimal"/>'s range (7.9e28).
    /// </summary>
    public const double MaxNumber = 1e9;

    public static IReadOnlyDictionary<string, PolicySettings> Parse(JsonObject? config, IReadOnlyList<IPolicy> policies)
    {
        var byName = policies.ToDictionary(p => p.Info.Name, StringComparer.Ordinal);
        EnforcementLevel? all = null;
        if (config?[AllKey] is { } allNode)
        {
            all = LevelOf(allNode, AllKey, allowProperties: false, schema: null, out _);
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
            var schema = policy.Info.ConfigSchema;
            var properties = Defaults(schema);
            var level = all ?? policy.Info.DefaultLevel;
            if (config?[policy.Info.Name] is { } node)
            {
                level = LevelOf(node, policy.Info.Name, allowProperties: true, schema, out var given) ?? level;
                foreach (var (name, value) in given)
                {
                    properties[name] = value?.DeepClone();
                }
            }

            result[policy.Info.Name] = new PolicySettings(level, properties);
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

    private static EnforcementLevel? LevelOf(JsonNode node, string policy, bool allowProperties, JsonObject? schema, out List<KeyValuePair<string, JsonNode?>> properties)
    {
        properties = [];
        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            return ParseLevel(text, policy);
        }

        if (node is not JsonObject obj)
        {
            throw new PolicyConfigException($"policy config: \"{policy}\" must be a level string (\"advisory\", \"mandatory\", \"disabled\") or an object with \"enforcementLevel\" and properties, not {node.ToJsonString()}.");
        }

        EnforcementLevel? level = null;
        foreach (var (key, child) in obj)
        {
            if (key == "enforcementLevel")
            {
                level = child is JsonValue v && v.TryGetValue<string>(out var s)
                    ? ParseLevel(s, policy)
                    : throw new PolicyConfigException($"policy config: \"{policy}.enforcementLevel\" must be a string: \"advisory\", \"mandatory\" or \"disabled\".");
                continue;
            }

            if (!allowProperties)
            {
                throw new PolicyConfigException($"policy config: \"{policy}\" takes only \"enforcementLevel\", not \"{key}\". Put properties under the policy's own name.");
            }

            CheckProperty(policy, key, child, schema!);
            properties.Add(new(key, child));
        }

        return level;
    }

    private static EnforcementLevel ParseLevel(string text, string policy) => text switch
    {
        "advisory" => EnforcementLevel.Advisory,
        "mandatory" or "remediate" => EnforcementLevel.Mandatory,
        "disabled" => EnforcementLevel.Disabled,
        _ => throw new PolicyConfigException($"policy config: \"{policy}\" has enforcement level \"{text}\"; use \"advisory\", \"mandatory\" or \"disabled\"."),
    };

    private static void CheckProperty(string policy, string key, JsonNode? value, JsonObject schema)
    {
        var props = schema["properties"] as JsonObject;
        if (props?[key] is not JsonObject prop)
        {
            var known = props is { Count: > 0 } ? string.Join(", ", props.Select(p => p.Key)) : "none";
            throw new PolicyConfigException($"policy config: \"{policy}\" has no property \"{key}\" (its properties: {known}; plus enforcementLevel).");
        }

        var type = prop["type"]?.GetValue<string>();
        switch (type)
        {
            case "number":
                if (value is not JsonValue n || !n.TryGetValue<double>(out var d))
                {
                    throw new PolicyConfigException($"policy config: \"{policy}.{key}\" must be a number, not {value?.ToJsonString() ?? "null"}.");
                }

                if (prop["minimum"] is JsonValue min && d < min.GetValue<double>())
                {
                    throw new PolicyConfigException($"policy config: \"{policy}.{key}\" must be at least {min.GetValue<double>()}, not {d}.");
                }

                if (!(d <= MaxNumber))
                {
                    throw new PolicyConfigException(string.Create(CultureInfo.InvariantCulture, $"policy config: \"{policy}.{key}\" must be at most {MaxNumber:0}, not {d:G}."));
                }

                break;
            case "string":
                if (value is not JsonValue s || !s.TryGetValue<string>(out _))
                {
                    throw new PolicyConfigException($"policy config: \"{policy}.{key}\" must be a string, not {value?.ToJsonString() ?? "null"}.");
                }

                break;
            case "array":
                if (value is not JsonArray array)
                {
                    throw new PolicyConfigException($"policy config: \"{policy}.{key}\" must be a list of IPv4 CIDR blocks such as [\"203.0.113.10/32\"], not {value?.ToJsonString() ?? "null"}.");
                }

                foreach (var item in array)
                {
                    if (item is not JsonValue iv || !iv.TryGetValue<string>(out var cidr) || !Cidr.TryParse(cidr, out _))
                    {
                        throw new PolicyConfigException($"policy config: \"{policy}.{key}\" holds {item?.ToJsonString() ?? "null"}, which is not an IPv4 CIDR block such as \"203.0.113.10/32\".");
                    }
                }

                break;
        }
    }
}
