using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace StackRules.Inputs;

/// <summary>
/// Parses YAML text into a <see cref="SourceNode"/> tree straight from YamlDotNet's parser events, in one pass with
/// an explicit stack (no recursion): the nesting limit (<see cref="InputLimits.MaxDepth"/>) is applied as each map or
/// list opens, so a hostile document is refused before it is loaded. An alias is the anchored node itself (shared, not
/// copied), so aliases of aliases stay linear; <see cref="TemplateReader"/> limits what they expand to. An alias
/// inside the node it names, an undefined alias, a duplicate key, a non-scalar key and a second document are errors
/// (as in Pulumi YAML). Every error is an <see cref="InputException"/> with the line and column.
/// </summary>
internal static class YamlSource
{
    private const string StringTag = "tag:yaml.org,2002:str";

    /// <summary>The first document's root, or null for a document with no content.</summary>
    public static SourceNode? Parse(string text, string file)
    {
        var scanner = new Scanner(new StringReader(text));
        var parser = new Parser(scanner);
        var open = new Stack<Collection>();
        var anchors = new Dictionary<string, SourceNode>(StringComparer.Ordinal);
        var openAnchors = new HashSet<string>(StringComparer.Ordinal);
        SourceNode? root = null;
        var documents = 0;
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                SourceNode? complete = null;
                switch (current)
                {
                    case DocumentStart when ++documents > 1:
                        throw Error(file, current, "a second YAML document; a template is one document");
                    case Scalar scalar:
                        var quoted = scalar.Style is not ScalarStyle.Plain and not ScalarStyle.Any
                            || (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value == StringTag);
                        complete = Anchored(new ScalarNode(scalar.Value ?? string.Empty, quoted, Line(scalar)), scalar.Anchor, anchors);
                        break;
                    case AnchorAlias alias:
                        var name = alias.Value.Value;
                        if (anchors.TryGetValue(name, out var target))
                        {
                            complete = target;
                            break;
                        }

                        throw Error(file, current, openAnchors.Contains(name)
                            ? $"the alias *{name} is inside the node it names (it would contain itself)"
                            : $"the alias *{name} names no anchor before it");
                    case MappingStart or SequenceStart:
                        if (open.Count >= InputLimits.MaxDepth)
                        {
                            throw Error(file, current, $"nested more than {InputLimits.MaxDepth} levels of maps and lists; the most the check reads");
                        }

                        if (open.TryPeek(out var parent) && parent.ExpectsKey)
                        {
                            throw Error(file, current, "a mapping key must be a scalar");
                        }

                        var anchor = current is MappingStart m ? m.Anchor : ((SequenceStart)current).Anchor;
                        if (!anchor.IsEmpty)
                        {
                            openAnchors.Add(anchor.Value);
                        }

                        open.Push(new Collection(current is MappingStart, Line(current), anchor.IsEmpty ? null : anchor.Value));
                        break;
                    case MappingEnd or SequenceEnd:
                        var done = open.Pop();
                        complete = done.Build();
                        if (done.Anchor is { } anchorName)
                        {
                            openAnchors.Remove(anchorName);
                            anchors[anchorName] = complete;
                        }

                        break;
                }

                if (complete is null)
                {
                    continue;
                }

                if (open.TryPeek(out var container))
                {
                    if (container.ExpectsKey && complete is not ScalarNode)
                    {
                        throw Error(file, current, "a mapping key must be a scalar");
                    }

                    if (container.Add(complete) is { } duplicate)
                    {
                        throw Error(file, current, $"the key '{duplicate}' appears twice in one map; keep one");
                    }
                }
                else
                {
                    root = complete;
                }
            }
        }
        catch (YamlException e)
        {
            // YamlDotNet messages quote no document content beyond the token kind; keep only the first line.
            var reason = (e.InnerException?.Message ?? e.Message).Split('\n')[0].Trim();
            throw new InputException($"{file}: invalid YAML at line {e.Start.Line}, column {e.Start.Column}: {Describe(reason)}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some unterminated flow collections (a: [ then b): still a syntax error.
            var at = scanner.CurrentPosition;
            throw new InputException($"{file}: invalid YAML at line {at.Line}, column {at.Column}: cannot be read past here; check that every [ and {{ is closed");
        }

        return root;
    }

    private static SourceNode Anchored(SourceNode node, AnchorName anchor, Dictionary<string, SourceNode> anchors)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = node;
        }

        return node;
    }

    private static int Line(ParsingEvent e) => (int)Math.Min(e.Start.Line, int.MaxValue);

    private static InputException Error(string file, ParsingEvent at, string problem) =>
        new($"{file}: line {at.Start.Line}, column {at.Start.Column}: {problem}");

    private static string Describe(string reason)
    {
        // "(Line: 3, Col: 5, Idx: 20) - (Line: 3, Col: 6, Idx: 21): While scanning..." -> the reason only.
        var marker = reason.LastIndexOf("): ", StringComparison.Ordinal);
        return marker >= 0 ? reason[(marker + 3)..] : reason;
    }

    /// <summary>A map or list being read: its items so far, and for a map the key waiting for its value.</summary>
    private sealed class Collection(bool isMapping, int line, string? anchor)
    {
        private readonly List<SourceNode> items = [];
        private readonly List<KeyValuePair<string, SourceNode>> entries = [];
        private readonly HashSet<string> keys = new(StringComparer.Ordinal);
        private string? key;

        public string? Anchor { get; } = anchor;

        /// <summary>True when the next node is a key of this map.</summary>
        public bool ExpectsKey => isMapping && key is null;

        /// <summary>Adds a key, a value or an item; returns the key when it is a duplicate, else null.</summary>
        public string? Add(SourceNode node)
        {
            if (!isMapping)
            {
                items.Add(node);
                return null;
            }

            if (key is null)
            {
                key = ((ScalarNode)node).Text;
                return keys.Add(key) ? null : key;
            }

            entries.Add(new(key, node));
            key = null;
            return null;
        }

        public SourceNode Build() => isMapping ? new MappingNode(entries, line) : new SequenceNode(items, line);
    }
}
