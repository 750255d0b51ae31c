using System.Text.Json.Nodes;

namespace FargateNetwork.Policies.Contract;

/// <summary>Builds the JSON schema objects of the policies' config properties (served in PolicyInfo.configSchema).</summary>
public static class PolicySchema
{
    public static JsonObject Empty() => Of();

    public static JsonObject Of(params (string Name, JsonObject Schema)[] properties)
    {
        var props = new JsonObject();
        foreach (var (name, schema) in properties)
        {
            props[name] = schema;
        }

        return new JsonObject { ["type"] = "object", ["properties"] = props };
    }

    public static JsonObject Number(string description, double @default, double minimum = 0) =>
        new() { ["type"] = "number", ["description"] = description, ["default"] = @default, ["minimum"] = minimum };

    public static JsonObject OptionalNumber(string description, double minimum = 0) =>
        new() { ["type"] = "number", ["description"] = description, ["minimum"] = minimum };

    public static JsonObject Text(string description, string? @default = null)
    {
        var schema = new JsonObject { ["type"] = "string", ["description"] = description };
        if (@default is not null)
        {
            schema["default"] = @default;
        }

        return schema;
    }

    /// <summary>A list of IPv4 CIDR blocks.</summary>
    public static JsonObject CidrList(string description) => new()
    {
        ["type"] = "array",
        ["description"] = description,
        ["items"] = new JsonObject { ["type"] = "string", ["pattern"] = @"^\d{1,3}(\.\d{1,3}){3}(/\d{1,2})?$" },
    };
}
