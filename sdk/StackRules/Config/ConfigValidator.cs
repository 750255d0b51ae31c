using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace StackRules;

/// <summary>
/// Validates a config value against a policy's JSON schema, as Pulumi's engine validates <c>--policy-pack-config</c>
/// (JSON Schema; the keywords policy packs use): <c>type</c> (string, number, integer, boolean, array, object, null, or
/// a list of them), <c>enum</c>, <c>const</c>, <c>minimum</c>, <c>maximum</c>, <c>exclusiveMinimum</c>,
/// <c>exclusiveMaximum</c>, <c>multipleOf</c>, <c>minLength</c>, <c>maxLength</c>, <c>pattern</c>, <c>items</c>,
/// <c>minItems</c>, <c>maxItems</c>, <c>uniqueItems</c>, <c>properties</c>, <c>required</c>,
/// <c>additionalProperties</c> (boolean or schema). Other keywords are ignored, as a validator ignores unknown ones.
/// </summary>
public static class ConfigValidator
{
    /// <summary>The largest nesting of a config value that is validated (deeper values are refused).</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// The first problem of <paramref name="value"/> against <paramref name="schema"/>, as one sentence naming
    /// <paramref name="path"/> (<c>policy.property[0]</c>); null when the value is valid.
    /// </summary>
    public static string? Check(JsonNode? value, JsonObject schema, string path) => Check(value, schema, path, 0);

    private static string? Check(JsonNode? value, JsonObject schema, string path, int depth)
    {
        if (depth > MaxDepth)
        {
            return $"\"{path}\" nests deeper than {MaxDepth} levels";
        }

        if (schema["type"] is { } type && !TypeMatches(value, type))
        {
            return $"\"{path}\" must be {Describe(type)}, not {Show(value)}";
        }

        if (schema["enum"] is JsonArray options && !options.Any(o => JsonNode.DeepEquals(o, value)))
        {
            return $"\"{path}\" must be one of {options.ToJsonString()}, not {Show(value)}";
        }

        if (schema.ContainsKey("const") && !JsonNode.DeepEquals(schema["const"], value))
        {
            return $"\"{path}\" must be {schema["const"]?.ToJsonString() ?? "null"}, not {Show(value)}";
        }

        return value switch
        {
            _ when JsonNumbers.TryGet(value, out var number) => Number(number, schema, path),
            JsonValue v when v.TryGetValue<string>(out var text) => Text(text, schema, path),
            JsonArray array => List(array, schema, path, depth),
            JsonObject obj => Object(obj, schema, path, depth),
            _ => null,
        };
    }

    private static string? Number(double number, JsonObject schema, string path)
    {
        string Bound(string word, double bound) => string.Create(CultureInfo.InvariantCulture, $"\"{path}\" must be {word} {bound}, not {number}");
        return schema switch
        {
            _ when Limit(schema, "minimum") is { } min && number < min => Bound("at least", min),
            _ when Limit(schema, "maximum") is { } max && number > max => Bound("at most", max),
            _ when Limit(schema, "exclusiveMinimum") is { } min && number <= min => Bound("more than", min),
            _ when Limit(schema, "exclusiveMaximum") is { } max && number >= max => Bound("less than", max),
            _ when Limit(schema, "multipleOf") is { } step && step > 0 && Math.Abs(Math.IEEERemainder(number, step)) > 1e-9 => Bound("a multiple of", step),
            _ => null,
        };
    }

    private static string? Text(string text, JsonObject schema, string path)
    {
        if (Limit(schema, "minLength") is { } min && text.Length < min)
        {
            return string.Create(CultureInfo.InvariantCulture, $"\"{path}\" must be at least {min} characters long");
        }

        if (Limit(schema, "maxLength") is { } max && text.Length > max)
        {
            return string.Create(CultureInfo.InvariantCulture, $"\"{path}\" must be at most {max} characters long");
        }

        if (schema["pattern"] is JsonValue p && p.TryGetValue<string>(out var pattern))
        {
            try
            {
                // ECMA-262 semantics as JSON Schema asks, with a time limit so a hostile pattern cannot hang the pack.
                if (!Regex.IsMatch(text, pattern, RegexOptions.ECMAScript | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
                {
                    return $"\"{path}\" is {Show(text)}, which does not match the pattern {pattern}";
                }
            }
            catch (Exception e) when (e is ArgumentException or RegexMatchTimeoutException)
            {
                return $"\"{path}\": the schema's pattern {pattern} cannot be used ({e.GetType().Name})";
            }
        }

        return null;
    }

    private static string? List(JsonArray array, JsonObject schema, string path, int depth)
    {
        if (Limit(schema, "minItems") is { } min && array.Count < min)
        {
            return string.Create(CultureInfo.InvariantCulture, $"\"{path}\" must hold at least {min} item(s)");
        }

        if (Limit(schema, "maxItems") is { } max && array.Count > max)
        {
            return string.Create(CultureInfo.InvariantCulture, $"\"{path}\" must hold at most {max} item(s)");
        }

        if (schema["uniqueItems"] is JsonValue u && u.TryGetValue<bool>(out var unique) && unique)
        {
            for (var i = 0; i < array.Count; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    if (JsonNode.DeepEquals(array[i], array[j]))
                    {
                        return string.Create(CultureInfo.InvariantCulture, $"\"{path}[{i}]\" repeats item {j}; the items must be unique");
                    }
                }
            }
        }

        if (schema["items"] is JsonObject items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (Check(array[i], items, string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), depth + 1) is { } error)
                {
                    return error;
                }
            }
        }

        return null;
    }

    private static string? Object(JsonObject obj, JsonObject schema, string path, int depth)
    {
        var properties = schema["properties"] as JsonObject;
        if (schema["required"] is JsonArray required)
        {
            foreach (var name in required.Select(r => r?.GetValue<string>()).OfType<string>())
            {
                if (!obj.ContainsKey(name))
                {
                    return $"\"{path}\" needs the property \"{name}\"";
                }
            }
        }

        foreach (var (name, child) in obj)
        {
            var childPath = $"{path}.{name}";
            if (properties?[name] is JsonObject childSchema)
            {
                if (Check(child, childSchema, childPath, depth + 1) is { } error)
                {
                    return error;
                }
            }
            else if (schema["additionalProperties"] is JsonValue a && a.TryGetValue<bool>(out var allowed) && !allowed)
            {
                var known = properties is { Count: > 0 } ? string.Join(", ", properties.Select(p => p.Key)) : "none";
                return $"\"{path}\" has no property \"{name}\" (its properties: {known})";
            }
            else if (schema["additionalProperties"] is JsonObject additional && Check(child, additional, childPath, depth + 1) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    private static bool TypeMatches(JsonNode? value, JsonNode type) => type switch
    {
        JsonArray types => types.Any(t => t is not null && TypeMatches(value, t)),
        JsonValue t when t.TryGetValue<string>(out var name) => name switch
        {
            "null" => value is null,
            "boolean" => value is JsonValue b && b.TryGetValue<bool>(out _),
            "number" => JsonNumbers.TryGet(value, out _),
            "integer" => JsonNumbers.TryGet(value, out var d) && d == Math.Floor(d) && double.IsFinite(d),
            "string" => value is JsonValue s && s.TryGetValue<string>(out _),
            "array" => value is JsonArray,
            "object" => value is JsonObject,
            _ => true,
        },
        _ => true,
    };

    private static string Describe(JsonNode type) => type switch
    {
        JsonArray types => string.Join(" or ", types.Select(t => t is null ? "null" : Describe(t))),
        _ => type.GetValue<string>() switch
        {
            "array" => "a list",
            "object" => "an object",
            "integer" => "a whole number",
            "boolean" => "true or false",
            "null" => "null",
            var other => $"a {other}",
        },
    };

    private static double? Limit(JsonObject schema, string keyword) =>
        JsonNumbers.TryGet(schema[keyword], out var d) ? d : null;

    private static string Show(JsonNode? value)
    {
        var text = value?.ToJsonString() ?? "null";
        return text.Length <= 80 ? text : text[..77] + "...";
    }

    private static string Show(string text) => Show(JsonValue.Create(text));
}
