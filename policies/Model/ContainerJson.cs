using System.Text.Json;
using StackRules;
using StackRules.Inputs;

namespace FargateNetwork.Policies.Model;

/// <summary>
/// A task definition's <c>containerDefinitions</c> JSON as the model reads it: each container keeps only the fields
/// <see cref="NetworkModelBuilder"/> looks at (<see cref="ReadFields"/>), each converted exactly as
/// <see cref="StateValue.Convert"/> converts it; the rest of a container (environment, port mappings, commands,
/// health checks: most of its text) is never turned into values. What the model reads from the pruned value is what it
/// would read from the whole one: a field is looked up by name, and the last of duplicate names wins in both.
/// </summary>
internal static class ContainerJson
{
    /// <summary>The container fields the model reads (NetworkModelBuilder.Containers.cs).</summary>
    private static readonly string[] ReadFields = ["name", "image", "logConfiguration", "secrets", "repositoryCredentials"];

    /// <summary>The value of a parsed <c>containerDefinitions</c> document, containers pruned to <see cref="ReadFields"/>.</summary>
    public static PropertyValue Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            return StateValue.Convert(root);
        }

        var containers = new List<PropertyValue>(root.GetArrayLength());
        foreach (var item in root.EnumerateArray())
        {
            containers.Add(item.ValueKind == JsonValueKind.Object && !item.TryGetProperty(PulumiSignatures.Key, out _) ? Container(item) : StateValue.Convert(item, depth: 1));
        }

        return new ArrayValue(containers);
    }

    private static ObjectValue Container(JsonElement container)
    {
        // One slot per field read, in ReadFields' order (the model looks fields up by name, so order does not matter).
        var slots = new PropertyValue?[ReadFields.Length];
        var found = 0;
        foreach (var field in container.EnumerateObject())
        {
            // Compared as UTF-8, so the names of the fields left out are never made into strings.
            for (var i = 0; i < ReadFields.Length; i++)
            {
                if (field.NameEquals(ReadFields[i]))
                {
                    found += slots[i] is null ? 1 : 0;
                    slots[i] = StateValue.Convert(field.Value, depth: 2);
                    break;
                }
            }
        }

        var fields = new KeyValuePair<string, PropertyValue>[found];
        var at = 0;
        for (var i = 0; i < ReadFields.Length; i++)
        {
            if (slots[i] is { } value)
            {
                fields[at++] = new(ReadFields[i], value);
            }
        }

        return new ObjectValue(PropertyTable<PropertyValue>.OfOwned(fields, found));
    }
}
