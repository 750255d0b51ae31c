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
        var fields = new Dictionary<string, PropertyValue>(ReadFields.Length, StringComparer.Ordinal);
        foreach (var field in container.EnumerateObject())
        {
            // Compared as UTF-8, so the names of the fields left out are never made into strings.
            foreach (var name in ReadFields)
            {
                if (field.NameEquals(name))
                {
                    fields[name] = StateValue.Convert(field.Value, depth: 2);
                    break;
                }
            }
        }

        return new ObjectValue(fields);
    }
}
