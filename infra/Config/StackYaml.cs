using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace FargateNetwork.Infra;

/// <summary>A node of a stack file, built by <see cref="StackYaml"/>.</summary>
internal abstract record StackNode(int Line);

internal sealed record StackScalar(string Value, bool Plain, int Line) : StackNode(Line);

internal sealed record StackList(List<StackNode> Items, int Line) : StackNode(Line);

internal sealed record StackMap(List<KeyValuePair<string, StackNode>> Entries, int Line) : StackNode(Line);

/// <summary>
/// Reads a stack file from YamlDotNet's event stream with limits applied while reading, so a hostile file gives one
/// clear error quickly: at most <see cref="MaxBytes"/> bytes, <see cref="MaxDepth"/> levels (checked before the
/// scanner goes deeper), <see cref="MaxNodes"/> nodes after alias expansion (an "alias bomb" stops at the budget), an
/// alias may only name a finished anchor (a cycle is an error, not a stack overflow), map keys must be plain text and
/// appear once.
/// </summary>
internal static class StackYaml
{
    public const int MaxBytes = 1 << 20;
    public const int MaxDepth = 32;
    public const int MaxNodes = 100_000;

    /// <summary>The first document's root, or null for an empty file. Throws <see cref="StackYamlException"/>.</summary>
    public static StackNode? Load(TextReader reader)
    {
        var parser = new Parser(reader);
        var anchors = new Dictionary<string, (StackNode Node, int Size)>(StringComparer.Ordinal);
        var open = new HashSet<string>(StringComparer.Ordinal);
        var nodes = 0;
        parser.Consume<StreamStart>();
        if (parser.Accept<StreamEnd>(out _))
        {
            return null;
        }

        parser.Consume<DocumentStart>();
        try
        {
            return ReadNode(parser, 0, anchors, open, ref nodes).Node;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's parser throws this (not a YamlException) when the file ends inside a flow list or map.
            throw new StackYamlException((int)(parser.Current?.End.Line ?? 0), "is not valid YAML: a [list] or {map} is not closed before the end of the file");
        }
    }

    private static (StackNode Node, int Size) ReadNode(IParser parser, int depth, Dictionary<string, (StackNode Node, int Size)> anchors, HashSet<string> open, ref int nodes)
    {
        var start = parser.Current ?? throw new StackYamlException(0, "unexpected end of file");
        var line = (int)start.Start.Line;
        if (depth > MaxDepth)
        {
            throw new StackYamlException(line, $"nested more than {MaxDepth} levels deep");
        }

        if (start is AnchorAlias alias)
        {
            parser.MoveNext();
            var name = alias.Value.Value;
            if (open.Contains(name))
            {
                throw new StackYamlException(line, $"the alias *{name} refers to its own anchor (a cycle)");
            }

            if (!anchors.TryGetValue(name, out var target))
            {
                throw new StackYamlException(line, $"the alias *{name} names no anchor before it");
            }

            Count(ref nodes, target.Size, line);
            return target;
        }

        Count(ref nodes, 1, line);
        var anchor = start is NodeEvent { Anchor.IsEmpty: false } n ? n.Anchor.Value : null;
        if (anchor is not null)
        {
            open.Add(anchor);
        }

        (StackNode Node, int Size) result;
        switch (start)
        {
            case Scalar scalar:
                parser.MoveNext();
                result = (new StackScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, line), 1);
                break;
            case SequenceStart:
                {
                    parser.MoveNext();
                    var items = new List<StackNode>();
                    var size = 1;
                    while (!parser.TryConsume<SequenceEnd>(out _))
                    {
                        var (item, itemSize) = ReadNode(parser, depth + 1, anchors, open, ref nodes);
                        items.Add(item);
                        size += itemSize;
                    }

                    result = (new StackList(items, line), size);
                    break;
                }

            case MappingStart:
                {
                    parser.MoveNext();
                    var entries = new List<KeyValuePair<string, StackNode>>();
                    var keys = new HashSet<string>(StringComparer.Ordinal);
                    var size = 1;
                    while (!parser.TryConsume<MappingEnd>(out _))
                    {
                        var keyLine = (int)(parser.Current?.Start.Line ?? line);
                        if (parser.Current is not Scalar keyScalar)
                        {
                            throw new StackYamlException(keyLine, "a map key must be plain text, not a list, map or alias");
                        }

                        parser.MoveNext();
                        if (!keys.Add(keyScalar.Value))
                        {
                            throw new StackYamlException(keyLine, $"the key '{keyScalar.Value}' appears twice in the same map");
                        }

                        var (value, valueSize) = ReadNode(parser, depth + 1, anchors, open, ref nodes);
                        entries.Add(new(keyScalar.Value, value));
                        size += valueSize + 1;
                    }

                    result = (new StackMap(entries, line), size);
                    break;
                }

            default:
                throw new StackYamlException(line, $"unexpected {start.GetType().Name}");
        }

        if (anchor is not null)
        {
            open.Remove(anchor);
            anchors[anchor] = result;
        }

        return result;
    }

    private static void Count(ref int nodes, int add, int line)
    {
        nodes += add;
        if (nodes > MaxNodes)
        {
            throw new StackYamlException(line, $"expands to more than {MaxNodes} values (aliases included)");
        }
    }
}

/// <summary>A stack file that cannot be read within <see cref="StackYaml"/>'s rules.</summary>
internal sealed class StackYamlException(int line, string message) : Exception(message)
{
    public int Line { get; } = line;
}
