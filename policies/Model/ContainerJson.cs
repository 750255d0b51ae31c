using System.Runtime.CompilerServices;
using System.Text.Json;
using StackRules;
using StackRules.Inputs;

namespace FargateNetwork.Policies.Model;

/// <summary>
/// A task definition's <c>containerDefinitions</c> JSON as the model reads it: each container keeps only the fields
/// <see cref="NetworkModelBuilder"/> looks at, down to the nested ones (<see cref="Container"/>: the log driver and
/// its three options, each secret's <c>valueFrom</c>, the repository credentials' parameter), each value converted
/// exactly as <see cref="StateValue.Convert"/> converts it; the rest of a container (environment, port mappings,
/// commands, health checks, secrets' names, other log options: most of its text) is never turned into values or
/// names. What the model reads from the pruned value is what it would read from the whole one: a field is looked up
/// by name, the last of duplicate names wins in both, and a value that is not the object or list the model expects
/// there (a Pulumi signature object, a string, null) is converted whole.
/// </summary>
internal static class ContainerJson
{
    /// <summary>What the model reads of a container (NetworkModelBuilder.Containers.cs), field by field.</summary>
    private static readonly Shape Container = Shape.Object(
        ("name", null),
        ("image", null),
        ("logConfiguration", Shape.Object(
            ("logDriver", null),
            ("options", Shape.Object(("awslogs-group", null), ("awslogs-create-group", null), ("awslogs-region", null))))),
        ("secrets", Shape.ListOf(Shape.Object(("valueFrom", null)))),
        ("repositoryCredentials", Shape.Object(("credentialsParameter", null))));

    /// <summary>The value of a parsed <c>containerDefinitions</c> document, containers pruned to what the model reads.</summary>
    public static PropertyValue Read(JsonElement root) => Convert(root, Shape.ListOf(Container), 0);

    /// <summary><paramref name="element"/> pruned to <paramref name="shape"/> (whole when null or when it is not what the shape expects).</summary>
    private static PropertyValue Convert(JsonElement element, Shape? shape, int depth)
    {
        if (shape is { Item: { } item } && element.ValueKind == JsonValueKind.Array)
        {
            var items = new List<PropertyValue>(element.GetArrayLength());
            foreach (var each in element.EnumerateArray())
            {
                items.Add(Convert(each, item, depth + 1));
            }

            return new ArrayValue(items);
        }

        if (shape is { Fields: { } fields } && element.ValueKind == JsonValueKind.Object && !element.TryGetProperty(PulumiSignatures.Key, out _))
        {
            return Pruned(element, shape, fields, depth);
        }

        return StateValue.Convert(element, depth: depth);
    }

    private static ObjectValue Pruned(JsonElement element, Shape shape, string[] fields, int depth)
    {
        // One slot per field read, in the shape's order (the model looks fields up by name, so order does not matter).
        var slots = default(Slots);
        var found = 0;
        foreach (var field in element.EnumerateObject())
        {
            // Compared as UTF-8, so the names of the fields left out are never made into strings.
            for (var i = 0; i < fields.Length; i++)
            {
                if (field.NameEquals(shape.Utf8Names[i]))
                {
                    found += slots[i] is null ? 1 : 0;
                    slots[i] = Convert(field.Value, shape.Children[i], depth + 1);
                    break;
                }
            }
        }

        var entries = default(Entries);
        var at = 0;
        for (var i = 0; i < fields.Length; i++)
        {
            if (slots[i] is { } value)
            {
                entries[at++] = new(fields[i], value);
            }
        }

        return new ObjectValue(PropertyTable<PropertyValue>.Of(((Span<KeyValuePair<string, PropertyValue>>)entries)[..found]));
    }

    /// <summary>The most fields a shape reads of one object.</summary>
    private const int MaxFields = 5;

    /// <summary>What the model reads of a JSON value: some fields of an object (each with what it reads of it), or each item of a list.</summary>
    private sealed class Shape
    {
        private Shape(string[]? fields, Shape?[] children, Shape? item)
        {
            Fields = fields;
            Utf8Names = fields?.Select(f => System.Text.Encoding.UTF8.GetBytes(f)).ToArray() ?? [];
            Children = children;
            Item = item;
        }

        public string[]? Fields { get; }

        public byte[][] Utf8Names { get; }

        public Shape?[] Children { get; }

        public Shape? Item { get; }

        public static Shape Object(params (string Name, Shape? Child)[] fields)
        {
            if (fields.Length > MaxFields)
            {
                throw new ArgumentException($"a shape reads at most {MaxFields} fields", nameof(fields));
            }

            return new([.. fields.Select(f => f.Name)], [.. fields.Select(f => f.Child)], null);
        }

        public static Shape ListOf(Shape item) => new(null, [], item);
    }

#pragma warning disable IDE0044, IDE0051, CS0169 // the one field of an inline array is its first element
    [InlineArray(MaxFields)]
    private struct Slots
    {
        private PropertyValue? first;
    }

    [InlineArray(MaxFields)]
    private struct Entries
    {
        private KeyValuePair<string, PropertyValue> first;
    }
#pragma warning restore IDE0044, IDE0051, CS0169
}
