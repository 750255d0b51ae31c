using System.Text.Json;

namespace StackRules.Inputs;

/// <summary>
/// Converts property values of Pulumi's JSON state (stack export, preview JSON) into <see cref="PropertyValue"/>:
/// the unknown sentinel, and the signature-keyed objects for secrets, resource references, outputs and assets
/// (pulumi/pulumi <c>sdk/go/common/resource/sig</c>). A secret's plaintext is parsed into the value and never copied
/// anywhere else; a ciphertext (an export without <c>--show-secrets</c>) is a secret whose value is unknown.
/// </summary>
internal static class StateValue
{
    /// <summary>How secrets are written: as signed objects (stack export) or masked as <c>[secret]</c> (preview JSON).</summary>
    public enum Dialect
    {
        State,
        Preview,
    }

    /// <summary>What <c>pulumi preview --json</c> prints in place of a secret.</summary>
    public const string MaskedSecret = "[secret]";

    public static PropertyValue Convert(JsonElement element, Dialect dialect = Dialect.State, int depth = 0)
    {
        if (depth > 256)
        {
            throw new InputException("a property value is nested more than 256 levels");
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                var text = element.GetString()!;
                return text switch
                {
                    PulumiSignatures.UnknownSentinel => UnknownValue.Instance,
                    MaskedSecret when dialect == Dialect.Preview => new SecretValue(UnknownValue.Instance),
                    _ => new StringValue(text),
                };
            case JsonValueKind.Number:
                return new NumberValue(element.GetDouble());
            case JsonValueKind.True:
                return new BoolValue(true);
            case JsonValueKind.False:
                return new BoolValue(false);
            case JsonValueKind.Array:
                var items = new List<PropertyValue>(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    items.Add(Convert(item, dialect, depth + 1));
                }

                return new ArrayValue(items);
            case JsonValueKind.Object:
                if (element.TryGetProperty(PulumiSignatures.Key, out var signature))
                {
                    return Special(element, signature.ValueKind == JsonValueKind.String ? signature.GetString() : null, dialect, depth);
                }

                if (element.GetPropertyCount() <= PropertyTable<PropertyValue>.MaxEntries)
                {
                    return new ObjectValue(SmallObject(element, dialect, depth));
                }

                var properties = new Dictionary<string, PropertyValue>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    properties[property.Name] = Convert(property.Value, dialect, depth + 1);
                }

                return new ObjectValue(properties);
            default:
                return NullValue.Instance;
        }
    }

    /// <summary>
    /// The properties of an object of at most <see cref="PropertyTable{TValue}.MaxEntries"/> properties as a table (one
    /// array, no dictionary): a repeated name keeps its first position and its last value, as a dictionary would.
    /// </summary>
    private static IReadOnlyDictionary<string, PropertyValue> SmallObject(JsonElement element, Dialect dialect, int depth)
    {
        var entries = new KeyValuePair<string, PropertyValue>[element.GetPropertyCount()];
        var count = 0;
        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            var value = Convert(property.Value, dialect, depth + 1);
            var at = 0;
            while (at < count && !string.Equals(entries[at].Key, name, StringComparison.Ordinal))
            {
                at++;
            }

            entries[at] = new(name, value);
            count += at == count ? 1 : 0;
        }

        return PropertyTable<PropertyValue>.OfOwned(entries, count);
    }

    /// <summary>An object property, or <see cref="ObjectValue.Empty"/> when absent or null.</summary>
    public static ObjectValue ConvertObject(JsonElement element, Dialect dialect = Dialect.State) =>
        element.ValueKind == JsonValueKind.Object && Convert(element, dialect) is ObjectValue o ? o : ObjectValue.Empty;

    private static PropertyValue Special(JsonElement element, string? signature, Dialect dialect, int depth)
    {
        switch (signature)
        {
            case PulumiSignatures.Secret:
                if (element.TryGetProperty("plaintext", out var plaintext) && plaintext.ValueKind == JsonValueKind.String)
                {
                    try
                    {
                        using var inner = JsonDocument.Parse(plaintext.GetString()!);
                        return new SecretValue(Convert(inner.RootElement, dialect, depth + 1));
                    }
                    catch (JsonException)
                    {
                        // Not JSON: the secret is unusable, and its text must not reach an error message.
                        return new SecretValue(UnknownValue.Instance);
                    }
                }

                if (element.TryGetProperty("value", out var value))
                {
                    return new SecretValue(Convert(value, dialect, depth + 1));
                }

                return new SecretValue(UnknownValue.Instance);
            case PulumiSignatures.ResourceReference:
                return element.TryGetProperty("urn", out var urn) && urn.ValueKind == JsonValueKind.String
                    ? new ReferenceValue(urn.GetString()!, "id")
                    : UnknownValue.Instance;
            case PulumiSignatures.Output:
                var known = element.TryGetProperty("value", out var outputValue) ? Convert(outputValue, dialect, depth + 1) : UnknownValue.Instance;
                return element.TryGetProperty("secret", out var isSecret) && isSecret.ValueKind == JsonValueKind.True ? new SecretValue(known) : known;
            default:
                // Assets and archives: their content does not matter to the network rules.
                return UnknownValue.Instance;
        }
    }
}
