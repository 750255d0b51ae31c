using System.Text.Json;

namespace FargateNetwork.Infra;

/// <summary>
/// Run mode's config: <c>PULUMI_CONFIG</c>, a JSON object of full keys to strings (structured values are JSON text
/// inside the string; secrets arrive decrypted). The literal <c>null</c>, an absent variable and JSON null values mean
/// "not set". Keys in the namespace of <c>PULUMI_PROJECT</c> (a project renamed by <c>pulumi new</c>) are read as
/// <c>fargate-network:</c> keys.
/// </summary>
internal static class RunConfig
{
    /// <param name="roots">Filled with the name Pulumi YAML gives each project key in <c>${...}</c>: the short name
    /// for keys in the project's namespace, the full key otherwise.</param>
    public static Dictionary<string, string?> Parse(string? json, string? projectName, Dictionary<string, string>? roots = null)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json) || json.Trim() == "null")
        {
            return values;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            throw new ConfigError("PULUMI_CONFIG", "is not a JSON object", "run the compiler through Pulumi, or set PULUMI_CONFIG to a JSON object of config keys to strings");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ConfigError("PULUMI_CONFIG", "is not a JSON object", "set PULUMI_CONFIG to a JSON object of config keys to strings");
            }

            var alias = string.IsNullOrEmpty(projectName) || projectName == ConfigReader.Namespace ? null : projectName + ":";
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var aliased = alias is not null && property.Name.StartsWith(alias, StringComparison.Ordinal);
                var key = aliased ? ConfigReader.Namespace + ":" + property.Name[alias!.Length..] : property.Name;
                if (roots is not null && key.StartsWith(ConfigReader.Namespace + ":", StringComparison.Ordinal))
                {
                    // Pulumi YAML strips only the project's own namespace from config names.
                    roots[key[(ConfigReader.Namespace.Length + 1)..]] = aliased || alias is null ? key[(ConfigReader.Namespace.Length + 1)..] : key;
                }

                values[key] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Null => null,
                    _ => property.Value.GetRawText(),
                };
            }
        }

        return values;
    }
}
