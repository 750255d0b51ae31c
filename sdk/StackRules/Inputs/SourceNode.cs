using System.Text.Json;

namespace StackRules.Inputs;

/// <summary>
/// A template document as a plain tree, the same for YAML and JSON, so one reader interprets both. A scalar keeps its
/// text and whether it was quoted: a plain YAML scalar is typed by the YAML 1.2 core schema, a quoted one is a string.
/// </summary>
internal abstract record SourceNode(int Line);

/// <param name="Text">The scalar's text.</param>
/// <param name="Quoted">True for a quoted or block scalar, or a JSON string (always a string); false for a plain scalar.</param>
internal sealed record ScalarNode(string Text, bool Quoted, int Line) : SourceNode(Line);

internal sealed record SequenceNode(IReadOnlyList<SourceNode> Items, int Line) : SourceNode(Line);

/// <summary>A mapping; the keys keep their order of appearance.</summary>
internal sealed record MappingNode(IReadOnlyList<KeyValuePair<string, SourceNode>> Entries, int Line) : SourceNode(Line)
{
    /// <summary>
    /// The value of <paramref name="key"/>; Pulumi YAML matches template keys case-insensitively (with a warning), so
    /// an exact match wins and otherwise any casing is accepted.
    /// </summary>
    public SourceNode? Get(string key)
    {
        SourceNode? other = null;
        foreach (var entry in Entries)
        {
            if (entry.Key == key)
            {
                return entry.Value;
            }

            if (other is null && entry.Key.Equals(key, StringComparison.OrdinalIgnoreCase))
            {
                other = entry.Value;
            }
        }

        return other;
    }

    /// <summary>Converts a JSON value (a JSON template) into the tree. JSON has no line numbers here: 0.</summary>
    public static SourceNode FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new MappingNode(
            element.EnumerateObject().Select(p => new KeyValuePair<string, SourceNode>(p.Name, FromJson(p.Value))).ToList(), 0),
        JsonValueKind.Array => new SequenceNode(element.EnumerateArray().Select(FromJson).ToList(), 0),
        JsonValueKind.String => new ScalarNode(element.GetString()!, true, 0),
        JsonValueKind.Number => new ScalarNode(element.GetRawText(), false, 0),
        JsonValueKind.True => new ScalarNode("true", false, 0),
        JsonValueKind.False => new ScalarNode("false", false, 0),
        _ => new ScalarNode("null", false, 0),
    };
}
