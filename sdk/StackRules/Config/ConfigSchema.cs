using System.Text.Json.Nodes;

namespace StackRules;

/// <summary>
/// Builds the JSON schemas of policies' config properties (what Pulumi shows in the console and validates
/// <c>--policy-pack-config</c> against). A policy's schema is an object schema: <c>properties</c>, and optionally
/// <c>required</c>.
/// </summary>
public static class ConfigSchema
{
    /// <summary>A schema with no properties.</summary>
    public static JsonObject Empty() => Of();

    /// <summary>An object schema with the given properties.</summary>
    public static JsonObject Of(params (string Name, JsonObject Schema)[] properties)
    {
        var props = new JsonObject();
        foreach (var (name, schema) in properties)
        {
            props[name] = schema;
        }

        return new JsonObject { ["type"] = "object", ["properties"] = props };
    }

    /// <summary>The same object schema, with <paramref name="names"/> required.</summary>
    public static JsonObject Required(this JsonObject schema, params string[] names)
    {
        schema["required"] = new JsonArray(names.Select(n => (JsonNode)n).ToArray());
        return schema;
    }

    /// <summary>A number with a default and a minimum.</summary>
    public static JsonObject Number(string description, double @default, double minimum = 0) =>
        new() { ["type"] = "number", ["description"] = description, ["default"] = @default, ["minimum"] = minimum };

    /// <summary>A number with no default.</summary>
    public static JsonObject OptionalNumber(string description, double minimum = 0) =>
        new() { ["type"] = "number", ["description"] = description, ["minimum"] = minimum };

    /// <summary>A boolean with a default.</summary>
    public static JsonObject Bool(string description, bool @default) =>
        new() { ["type"] = "boolean", ["description"] = description, ["default"] = @default };

    /// <summary>A string, with a default when given.</summary>
    public static JsonObject Text(string description, string? @default = null)
    {
        var schema = new JsonObject { ["type"] = "string", ["description"] = description };
        if (@default is not null)
        {
            schema["default"] = @default;
        }

        return schema;
    }

    /// <summary>A list of strings, each matching <paramref name="pattern"/> when given.</summary>
    public static JsonObject TextList(string description, string? pattern = null)
    {
        var items = new JsonObject { ["type"] = "string" };
        if (pattern is not null)
        {
            items["pattern"] = pattern;
        }

        return new JsonObject { ["type"] = "array", ["description"] = description, ["items"] = items };
    }
}
