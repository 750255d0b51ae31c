using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace StackRules.Tests.Docs;

/// <summary>
/// Renders the API reference of the SDK (docs/sdk-api.md) from the XML documentation files the compiler writes next
/// to StackRules.dll and StackRules.Host.dll: every public type with its summary, then its members with theirs.
/// </summary>
internal static partial class ApiReference
{
    public static string Render(IReadOnlyList<Type> exported, params string[] xmlFiles)
    {
        var publicTypes = exported.ToDictionary(t => t.FullName!.Replace('+', '.'), StringComparer.Ordinal);
        var members = xmlFiles
            .SelectMany(f => XDocument.Load(f).Root!.Element("members")!.Elements("member"))
            .Select(m => (Id: (string)m.Attribute("name")!, Summary: Text(m.Element("summary"))))
            .ToList();
        var types = members.Where(m => m.Id.StartsWith("T:", StringComparison.Ordinal) && publicTypes.ContainsKey(m.Id[2..])).OrderBy(m => m.Id, StringComparer.Ordinal).ToList();
        var output = new StringBuilder();
        output.Append("# StackRules API reference\n\n");
        output.Append("Generated from the XML documentation of `StackRules` and `StackRules.Host` by\n");
        output.Append("`scripts/sdk-docs` (tests/StackRules.Tests/Docs fails when this file is out of date). The guide is\n");
        output.Append("[policy-sdk.md](policy-sdk.md).\n");
        foreach (var group in types.GroupBy(t => Namespace(t.Id[2..])))
        {
            output.Append($"\n## Namespace `{group.Key}`\n");
            foreach (var type in group)
            {
                var full = type.Id[2..];
                output.Append($"\n### `{Display(full[(group.Key.Length + 1)..])}`\n\n{type.Summary}\n");
                var own = members
                    .Where(m => m.Id.Length > 2 && m.Id[0] != 'T' && Owner(m.Id[2..]) == full && IsPublic(publicTypes[full], m.Id[2..][(full.Length + 1)..]))
                    .OrderBy(m => m.Id, StringComparer.Ordinal)
                    .ToList();
                if (own.Count > 0)
                {
                    output.Append('\n');
                }

                foreach (var member in own)
                {
                    output.Append($"- `{Display(member.Id[2..][(full.Length + 1)..])}`: {member.Summary}\n");
                }
            }
        }

        return output.ToString();
    }

    /// <summary>Whether the type has a public member of that name (the XML file documents internal members too).</summary>
    private static bool IsPublic(Type type, string member)
    {
        var name = member.Split('(')[0].Split('`')[0];
        const System.Reflection.BindingFlags Flags = System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static;
        return name == "#ctor" ? type.GetConstructors(Flags).Length > 0 : type.GetMember(name, Flags).Length > 0;
    }

    private static string Namespace(string type)
    {
        var name = type.Split('`')[0];
        var dot = name.LastIndexOf('.');
        return dot < 0 ? "" : name[..dot];
    }

    /// <summary>The type a member belongs to: the name before the member's own (ignoring its parameter list).</summary>
    private static string Owner(string member)
    {
        var name = member.Split('(')[0];
        var dot = name.LastIndexOf('.');
        return dot < 0 ? "" : name[..dot];
    }

    private static string Display(string name) => GenericArity().Replace(name.Replace("#ctor", "new", StringComparison.Ordinal), "<T>")
        .Replace("System.Collections.Generic.", "", StringComparison.Ordinal)
        .Replace("System.Text.Json.Nodes.", "", StringComparison.Ordinal)
        .Replace("System.", "", StringComparison.Ordinal)
        .Replace("StackRules.", "", StringComparison.Ordinal)
        .Replace('{', '<').Replace('}', '>');

    private static string Text(XElement? element)
    {
        if (element is null)
        {
            return "";
        }

        var text = new StringBuilder();
        foreach (var node in element.Nodes())
        {
            text.Append(node switch
            {
                XText t => t.Value,
                XElement { Name.LocalName: "see" or "seealso" } e => $"`{Reference(e)}`",
                XElement { Name.LocalName: "paramref" or "typeparamref" } e => $"`{(string?)e.Attribute("name")}`",
                XElement { Name.LocalName: "c" } e => $"`{e.Value}`",
                XElement e => Text(e),
                _ => "",
            });
        }

        return Whitespace().Replace(text.ToString(), " ").Trim();
    }

    /// <summary>The short name a <c>see</c> element points at: a cref's last part, or its langword or href.</summary>
    private static string Reference(XElement see)
    {
        if ((string?)see.Attribute("cref") is { } cref)
        {
            return Display(cref[(cref.IndexOf(':') + 1)..].Split('(')[0].Split('.')[^1]);
        }

        return (string?)see.Attribute("langword") ?? (string?)see.Attribute("href") ?? "";
    }

    [GeneratedRegex(@"`\d+")]
    private static partial Regex GenericArity();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
