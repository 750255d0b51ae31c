using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FargateNetwork.Infra.Tests;

/// <summary>A compiled template parsed back with YamlDotNet, as Pulumi would read it (<c>$$</c> → <c>$</c> is left to <see cref="Unescape"/>).</summary>
internal sealed class ParsedTemplate
{
    public ParsedTemplate(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        Root = (Dictionary<string, object?>)Convert(stream.Documents.Single().RootNode)!;
        Resources = ((Dictionary<string, object?>)Root["resources"]!).ToDictionary(
            kv => kv.Key,
            kv => new Resource(kv.Key, (Dictionary<string, object?>)kv.Value!));
        Outputs = Root.TryGetValue("outputs", out var outputs) ? (Dictionary<string, object?>)outputs! : [];
    }

    public Dictionary<string, object?> Root { get; }

    public Dictionary<string, Resource> Resources { get; }

    public Dictionary<string, object?> Outputs { get; }

    public IEnumerable<Resource> OfType(string type) => Resources.Values.Where(r => r.Type == type);

    public Resource Single(string type) => Assert.Single(OfType(type));

    /// <summary>Type token → count, for exact-set assertions.</summary>
    public SortedDictionary<string, int> TypeCounts() => new(Resources.Values.GroupBy(r => r.Type).ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal);

    /// <summary>The resource a <c>${name.prop}</c> reference points at.</summary>
    public Resource Target(object? reference)
    {
        var text = Assert.IsType<string>(reference);
        Assert.StartsWith("${", text);
        var name = text[2..^1].Split('.')[0];
        Assert.True(Resources.ContainsKey(name), $"{text} points at no resource");
        return Resources[name];
    }

    public static string Unescape(string literal) => literal.Replace("$$", "$", StringComparison.Ordinal);

    public static string Ref(string name, string property) => $"${{{name}.{property}}}";

    private static object? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => Convert(kv.Value)),
        YamlSequenceNode list => list.Children.Select(Convert).ToList(),
        YamlScalarNode { Style: ScalarStyle.Plain } scalar => scalar.Value switch
        {
            "true" => true,
            "false" => false,
            "null" => null,
            var v when long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => n,
            var v => throw new InvalidOperationException($"unquoted string scalar '{v}' in the template"),
        },
        YamlScalarNode scalar => scalar.Value,
        _ => throw new InvalidOperationException(node.GetType().Name),
    };
}

internal sealed record Resource(string Name, Dictionary<string, object?> Body)
{
    public string Type => (string)Body["type"]!;

    public Dictionary<string, object?> Properties => (Dictionary<string, object?>)Body["properties"]!;

    public Dictionary<string, object?> Options => (Dictionary<string, object?>)Body["options"]!;

    public object? this[string property] => Properties.TryGetValue(property, out var value) ? value : null;

    public List<object?> List(string property) => Assert.IsType<List<object?>>(this[property]);

    public Dictionary<string, object?> Map(string property) => Assert.IsType<Dictionary<string, object?>>(this[property]);

    public string Ref(string property) => ParsedTemplate.Ref(Name, property);
}
