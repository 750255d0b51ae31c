using System.Text;

namespace FargateNetwork.Infra;

/// <summary>
/// Prints a <see cref="TemplateNode"/> tree as YAML: block style, every string (keys too) double-quoted with
/// JSON-style escapes so no value changes type (<c>yes</c>, <c>0123</c>, <c>7.38</c> stay strings), and every literal
/// <c>$</c> doubled, because Pulumi YAML turns every <c>$$</c> back into <c>$</c> in values and keys.
/// </summary>
internal static class YamlEmitter
{
    public static string Emit(MapNode root)
    {
        var output = new StringBuilder(16 * 1024);
        WriteMapBody(output, root, 0);
        return output.ToString();
    }

    private static void WriteMapBody(StringBuilder output, MapNode map, int indent)
    {
        var first = true;
        foreach (var (key, value) in map.Entries)
        {
            if (!first)
            {
                output.Append(' ', indent);
            }

            first = false;
            WriteQuoted(output, key, escapeDollar: true);
            output.Append(':');
            WriteValueAfterKey(output, value, indent);
        }
    }

    private static void WriteValueAfterKey(StringBuilder output, TemplateNode value, int indent)
    {
        switch (value)
        {
            case MapNode { Entries.Count: > 0 } map:
                output.Append('\n').Append(' ', indent + 2);
                WriteMapBody(output, map, indent + 2);
                break;
            case ListNode { Items.Count: > 0 } list:
                output.Append('\n');
                WriteListBody(output, list, indent + 2);
                break;
            default:
                output.Append(' ');
                WriteScalar(output, value);
                output.Append('\n');
                break;
        }
    }

    private static void WriteListBody(StringBuilder output, ListNode list, int indent)
    {
        foreach (var item in list.Items)
        {
            output.Append(' ', indent).Append('-');
            switch (item)
            {
                case MapNode { Entries.Count: > 0 } map:
                    output.Append(' ');
                    WriteMapBody(output, map, indent + 2);
                    break;
                case ListNode { Items.Count: > 0 } inner:
                    output.Append('\n');
                    WriteListBody(output, inner, indent + 2);
                    break;
                default:
                    output.Append(' ');
                    WriteScalar(output, item);
                    output.Append('\n');
                    break;
            }
        }
    }

    private static void WriteScalar(StringBuilder output, TemplateNode value)
    {
        switch (value)
        {
            case Literal literal:
                WriteQuoted(output, literal.Text, escapeDollar: true);
                break;
            case Expression expression:
                WriteQuoted(output, expression.Text, escapeDollar: false);
                break;
            case Number number:
                output.Append(number.Text);
                break;
            case Flag flag:
                output.Append(flag.Value ? "true" : "false");
                break;
            case MapNode:
                output.Append("{}");
                break;
            case ListNode:
                output.Append("[]");
                break;
            default:
                throw new InvalidOperationException($"unknown template node {value.GetType().Name}");
        }
    }

    /// <summary>A YAML double-quoted scalar; the escapes used are the JSON ones, which YAML shares.</summary>
    internal static void WriteQuoted(StringBuilder output, string text, bool escapeDollar)
    {
        output.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': output.Append("\\\""); break;
                case '\\': output.Append("\\\\"); break;
                case '\n': output.Append("\\n"); break;
                case '\r': output.Append("\\r"); break;
                case '\t': output.Append("\\t"); break;
                case '$' when escapeDollar: output.Append("$$"); break;
                // Control characters, NEL, the Unicode line/paragraph separators and the BOM would be read
                // as line breaks or be rejected by YAML 1.1 parsers: escape them.
                case < ' ' or (>= '\u007f' and <= '\u009f') or '\u2028' or '\u2029' or '\ufeff':
                    output.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    break;
                default: output.Append(c); break;
            }
        }

        output.Append('"');
    }
}
