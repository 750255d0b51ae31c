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
    public static Dictionary<string, string?> Parse(string? json, string? projectName)
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
            throw new ConfigError("PULUMI_CONFIG", Shorten(json), "is not a JSON object", "run the compiler through Pulumi, or set PULUMI_CONFIG to a JSON object of config keys to strings");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ConfigError("PULUMI_CONFIG", Shorten(json), "is not a JSON object", "set PULUMI_CONFIG to a JSON object of config keys to strings");
            }

            var alias = string.IsNullOrEmpty(projectName) || projectName == ConfigReader.Namespace ? null : projectName + ":";
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var key = alias is not null && property.Name.StartsWith(alias, StringComparison.Ordinal)
                    ? ConfigReader.Namespace + ":" + property.Name[alias.Length..]
                    : property.Name;
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

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "...";
}
