using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FargateNetwork.Policies.Inputs;

/// <summary>
/// Parses YAML text into a <see cref="SourceNode"/> tree with YamlDotNet's representation model (one pass, no
/// reflection). Aliases are resolved by the parser; a YAML syntax error becomes an <see cref="InputException"/> with
/// its line number.
/// </summary>
public static class YamlSource
{
    private const string StringTag = "tag:yaml.org,2002:str";

    /// <summary>The first document's root, or null for a document with no content.</summary>
    public static SourceNode? Parse(string text, string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            // YamlDotNet messages quote no document content beyond the token kind; keep only the first line.
            var reason = (e.InnerException?.Message ?? e.Message).Split('\n')[0].Trim();
            throw new InputException($"{file}: invalid YAML at line {e.Start.Line}, column {e.Start.Column}: {Describe(reason)}");
        }

        if (stream.Documents.Count == 0)
        {
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            throw new InputException($"{file}: {stream.Documents.Count} YAML documents; a template is one document");
        }

        return Convert(stream.Documents[0].RootNode, 0, file, new Dictionary<YamlNode, SourceNode>(ReferenceEqualityComparer.Instance));
    }

    private static string Describe(string reason)
    {
        // "(Line: 3, Col: 5, Idx: 20) - (Line: 3, Col: 6, Idx: 21): While scanning..." -> the reason only.
        var marker = reason.LastIndexOf("): ", StringComparison.Ordinal);
        return marker >= 0 ? reason[(marker + 3)..] : reason;
    }

    /// <summary>
    /// Converts a node; an aliased node is converted once and shared (<paramref name="converted"/>), so aliases of
    /// aliases ("billion laughs") stay linear.
    /// </summary>
    private static SourceNode Convert(YamlNode node, int depth, string file, Dictionary<YamlNode, SourceNode> converted)
    {
        if (converted.TryGetValue(node, out var done))
        {
            return done;
        }

        if (depth > 256)
        {
            throw new InputException($"{file}: line {node.Start.Line}: nested more than 256 levels (or an alias that contains itself)");
        }

        var result = ConvertNew(node, depth, file, converted);
        converted[node] = result;
        return result;
    }

    private static SourceNode ConvertNew(YamlNode node, int depth, string file, Dictionary<YamlNode, SourceNode> converted)
    {
        var line = (int)node.Start.Line;
        switch (node)
        {
            case YamlScalarNode scalar:
                var quoted = scalar.Style is not ScalarStyle.Plain and not ScalarStyle.Any || (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value == StringTag);
                return new ScalarNode(scalar.Value ?? string.Empty, quoted, line);
            case YamlSequenceNode sequence:
                return new SequenceNode(sequence.Children.Select(c => Convert(c, depth + 1, file, converted)).ToList(), line);
            case YamlMappingNode mapping:
                var entries = new List<KeyValuePair<string, SourceNode>>(mapping.Children.Count);
                foreach (var (key, value) in mapping.Children)
                {
                    var name = key is YamlScalarNode k ? k.Value ?? string.Empty : throw new InputException($"{file}: line {key.Start.Line}: a mapping key must be a scalar");
                    entries.Add(new(name, Convert(value, depth + 1, file, converted)));
                }

                return new MappingNode(entries, line);
            default:
                return new ScalarNode(string.Empty, false, line);
        }
    }
}
