namespace StackRules.Reports;

/// <summary>
/// Where each resource of a Pulumi YAML or JSON template is declared (1-based line and column of its key under
/// <c>resources</c>), read from the template file for SARIF regions. Stack exports and previews have no positions:
/// their results use the URN as a logical location.
/// </summary>
public sealed class TemplatePositions
{
    private readonly Dictionary<string, (int Line, int Column)> positions = new(StringComparer.Ordinal);

    private TemplatePositions()
    {
    }

    /// <summary>No positions (a stack export or preview).</summary>
    public static TemplatePositions Empty { get; } = new();

    /// <summary>The key's position of a resource, if the file is a template that declares it.</summary>
    public (int Line, int Column)? Of(string logicalName) => positions.TryGetValue(logicalName, out var p) ? p : null;

    /// <summary>Reads the file; anything that is not a readable template gives no positions.</summary>
    public static TemplatePositions Read(string file)
    {
        string[] lines;
        try
        {
            if (file == "<stdin>" || !File.Exists(file))
            {
                return Empty;
            }

            lines = File.ReadAllLines(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Empty;
        }

        return Parse(lines);
    }

    /// <summary>
    /// The keys one level under a top-level <c>resources</c> key: YAML block style (<c>resources:</c> then indented
    /// <c>name:</c> or <c>"name":</c>) or JSON (<c>"resources": {</c> then <c>"name": {</c> one level deeper).
    /// </summary>
    public static TemplatePositions Parse(IReadOnlyList<string> lines)
    {
        var result = new TemplatePositions();
        var start = -1;
        var json = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var t = lines[i].TrimEnd();
            if (t is "resources:" or "\"resources\":")
            {
                start = i;
                break;
            }

            if (t.TrimStart().StartsWith("\"resources\":", StringComparison.Ordinal) && t.EndsWith('{'))
            {
                start = i;
                json = true;
                break;
            }
        }

        if (start < 0)
        {
            return result;
        }

        var childIndent = -1;
        var depth = 0;
        var baseIndent = Indent(lines[start]);
        for (var i = start + 1; i < lines.Count; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            var indent = Indent(line);
            if (!json && indent <= baseIndent)
            {
                break;
            }

            if (json && depth == 0 && trimmed.StartsWith('}'))
            {
                break;
            }

            if (json)
            {
                if (depth == 0 && Key(trimmed) is { } key)
                {
                    result.positions.TryAdd(key, (i + 1, indent + 1));
                }

                depth += trimmed.Count(c => c is '{' or '[') - trimmed.Count(c => c is '}' or ']');
                continue;
            }

            childIndent = childIndent < 0 ? indent : childIndent;
            if (indent == childIndent && Key(trimmed) is { } name)
            {
                result.positions.TryAdd(name, (i + 1, indent + 1));
            }
        }

        return result;
    }

    private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;

    /// <summary>The key of <c>name:</c>, <c>"name":</c> or <c>'name':</c>.</summary>
    private static string? Key(string trimmed)
    {
        if (trimmed[0] is '"' or '\'')
        {
            var close = trimmed.IndexOf(trimmed[0], 1);
            return close > 1 && trimmed.Length > close + 1 && trimmed[close + 1] == ':' ? trimmed[1..close] : null;
        }

        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && (colon == trimmed.Length - 1 || trimmed[colon + 1] == ' ') ? trimmed[..colon] : null;
    }
}
