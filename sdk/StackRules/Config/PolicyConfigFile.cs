using StackRules.Inputs;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StackRules;

/// <summary>
/// Reads a <c>--config</c> file: at most <see cref="InputLimits.MaxConfigBytes"/>, JSON (comments and trailing
/// commas allowed) nested at most <see cref="InputLimits.MaxConfigDepth"/> deep, checked while parsing. The tree is
/// built eagerly, so every problem, a key given twice included, is found here and reported as one
/// <see cref="InputException"/> line naming the file and the key path, never later while the policies read it.
/// </summary>
internal static class PolicyConfigFile
{
    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = InputLimits.MaxConfigDepth,
    };

    /// <summary>The config object of <paramref name="path"/>.</summary>
    public static JsonObject Read(string path)
    {
        var text = InputText.ReadFile(path, path, InputLimits.MaxConfigBytes, "policy config");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, Options);
        }
        catch (JsonException e)
        {
            var reason = e.Message;
            var end = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
            reason = (end > 0 ? reason[..end] : reason).Split('\n')[0].Trim().TrimEnd('.');
            throw new InputException($"{path}: invalid JSON in the policy config at line {(e.LineNumber ?? 0) + 1}: {reason}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InputException($"{path}: the policy config must be a JSON object of policy names to levels or settings (see docs/check.md)");
            }

            return (JsonObject)Copy(document.RootElement, path, string.Empty)!;
        }
    }

    /// <summary>Copies <paramref name="element"/> out of the document, refusing a key that appears twice in one object.</summary>
    private static JsonNode? Copy(JsonElement element, string path, string at)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new JsonObject();
                foreach (var property in element.EnumerateObject())
                {
                    var key = at.Length == 0 ? property.Name : $"{at}.{property.Name}";
                    if (obj.ContainsKey(property.Name))
                    {
                        throw new InputException($"{path}: the policy config gives \"{key}\" twice; keep one");
                    }

                    obj[property.Name] = Copy(property.Value, path, key);
                }

                return obj;
            case JsonValueKind.Array:
                var array = new JsonArray();
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    array.Add(Copy(item, path, $"{at}[{index++}]"));
                }

                return array;
            case JsonValueKind.Null:
                return null;
            default:
                return JsonValue.Create(element.Clone());
        }
    }
}
