using System.Text.Json;

namespace StackRules.Inputs;

/// <summary>
/// One resource state object of Pulumi's JSON (<c>apitype.ResourceV3</c>: <c>urn</c>, <c>type</c>, <c>id</c>,
/// <c>inputs</c>, <c>outputs</c>, <c>parent</c>, <c>propertyDependencies</c>), shared by the stack export and the
/// preview readers. Errors name the JSON path of the offending key.
/// </summary>
internal static class StateResource
{
    public static StackResource Read(JsonElement state, string file, string where, string? fallbackUrn = null, StateValue.Dialect dialect = StateValue.Dialect.State)
    {
        if (state.ValueKind != JsonValueKind.Object)
        {
            throw new InputException($"{file}: {where}: expected a resource object");
        }

        var urn = OptionalString(state, "urn", file, where) ?? fallbackUrn
            ?? throw new InputException($"{file}: {where}: missing urn");
        var type = OptionalString(state, "type", file, where) ?? (Urn.Type(urn) is { Length: > 0 } fromUrn ? fromUrn : null)
            ?? throw new InputException($"{file}: {where}: missing type");
        var id = OptionalString(state, "id", file, where);
        var parent = OptionalString(state, "parent", file, where);
        return new StackResource(
            urn,
            type,
            Urn.Name(urn),
            Properties(state, "inputs", file, where, dialect),
            string.IsNullOrEmpty(id) || id == PulumiSignatures.UnknownSentinel ? null : id,
            string.IsNullOrEmpty(parent) ? null : parent,
            Dependencies(state, file, where),
            state.TryGetProperty("outputs", out _) ? Properties(state, "outputs", file, where, dialect) : null)
        {
            Dependencies = Urns(state, "dependencies", file, where),
            Options = Options(state, file, where),
            Provider = OptionalString(state, "provider", file, where) is { Length: > 0 } provider ? ProviderOf(provider) : null,
        };
    }

    /// <summary>
    /// A provider reference of the state (<c>urn::id</c>): the provider's URN, type and name, without its properties
    /// (the provider is a resource of the same state).
    /// </summary>
    private static ProviderResource ProviderOf(string reference)
    {
        var at = reference.LastIndexOf("::", StringComparison.Ordinal);
        var urn = at > 0 && reference[..at].StartsWith("urn:", StringComparison.Ordinal) && reference[..at].Split("::").Length >= 4 ? reference[..at] : reference;
        return new ProviderResource(Urn.Type(urn), Urn.Name(urn), urn, ObjectValue.Empty);
    }

    /// <summary>The options a state records (<c>protect</c>, <c>additionalSecretOutputs</c>, <c>aliases</c>), or null when it records none.</summary>
    private static ResourceOptions? Options(JsonElement state, string file, string where)
    {
        var protect = state.TryGetProperty("protect", out var p) && p.ValueKind == JsonValueKind.True;
        var secretOutputs = Urns(state, "additionalSecretOutputs", file, where);
        var aliases = Urns(state, "aliases", file, where);
        return protect || secretOutputs is not null || aliases is not null
            ? new ResourceOptions(protect, [], false, secretOutputs ?? [], aliases ?? [], [])
            : null;
    }

    /// <summary>A list of strings under <paramref name="key"/> (URNs, property names), or null when absent.</summary>
    private static List<string>? Urns(JsonElement state, string key, string file, string where)
    {
        if (!state.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(u => u.ValueKind != JsonValueKind.String))
        {
            throw new InputException($"{file}: {where}.{key}: expected an array of strings");
        }

        return value.EnumerateArray().Select(u => u.GetString()!).ToList();
    }

    private static string? OptionalString(JsonElement state, string key, string file, string where)
    {
        if (!state.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new InputException($"{file}: {where}.{key}: expected a string, found {Kind(value)}");
    }

    private static ObjectValue Properties(JsonElement state, string key, string file, string where, StateValue.Dialect dialect)
    {
        if (!state.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return ObjectValue.Empty;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new InputException($"{file}: {where}.{key}: expected an object, found {Kind(value)}");
        }

        try
        {
            return StateValue.ConvertObject(value, dialect);
        }
        catch (InputException e)
        {
            throw new InputException($"{file}: {where}.{key}: {e.Message}");
        }
    }

    private static Dictionary<string, IReadOnlyList<string>>? Dependencies(JsonElement state, string file, string where)
    {
        if (!state.TryGetProperty("propertyDependencies", out var deps) || deps.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (deps.ValueKind != JsonValueKind.Object)
        {
            throw new InputException($"{file}: {where}.propertyDependencies: expected an object, found {Kind(deps)}");
        }

        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var property in deps.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (property.Value.ValueKind != JsonValueKind.Array || property.Value.EnumerateArray().Any(u => u.ValueKind != JsonValueKind.String))
            {
                throw new InputException($"{file}: {where}.propertyDependencies.{property.Name}: expected an array of URNs");
            }

            result[property.Name] = property.Value.EnumerateArray().Select(u => u.GetString()!).ToList();
        }

        return result;
    }

    public static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
