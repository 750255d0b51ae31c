using System.Globalization;

namespace FargateNetwork.Infra;

/// <summary>A value in the template tree that <see cref="YamlEmitter"/> prints.</summary>
internal abstract record TemplateNode
{
    public static implicit operator TemplateNode(string literal) => new Literal(literal);

    public static implicit operator TemplateNode(int number) => new Number(number.ToString(CultureInfo.InvariantCulture));

    public static implicit operator TemplateNode(bool value) => new Flag(value);

    /// <summary><c>${name.property}</c>: an output of another resource (or <c>${name}</c> for options).</summary>
    public static Expression Ref(string name, string? property = null) => new(property is null ? $"${{{name}}}" : $"${{{name}.{property}}}");

    public static ListNode List(IEnumerable<TemplateNode> items) => new([.. items]);

    public static ListNode List(params TemplateNode[] items) => new([.. items]);

    /// <summary>A builtin call such as <c>fn::toJSON</c>: a map with that one key.</summary>
    public static MapNode Call(string function, TemplateNode argument) => new MapNode().Set(function, argument);
}

/// <summary>Literal text: every <c>$</c> is doubled on output, so Pulumi reads it back unchanged.</summary>
internal sealed record Literal(string Text) : TemplateNode;

/// <summary>Pulumi YAML interpolation text such as <c>${vpc.id}</c> or <c>${pulumi.stack}-x</c>: printed as is.</summary>
internal sealed record Expression(string Text) : TemplateNode;

internal sealed record Number(string Text) : TemplateNode;

internal sealed record Flag(bool Value) : TemplateNode;

internal sealed record ListNode(List<TemplateNode> Items) : TemplateNode;

/// <summary>A map that keeps insertion order (the output order is stable and readable).</summary>
internal sealed record MapNode : TemplateNode
{
    public List<KeyValuePair<string, TemplateNode>> Entries { get; } = [];

    public TemplateNode? this[string key] => Entries.FirstOrDefault(e => e.Key == key).Value;

    public MapNode Set(string key, TemplateNode value)
    {
        var index = Entries.FindIndex(e => e.Key == key);
        if (index >= 0)
        {
            Entries[index] = new(key, value);
        }
        else
        {
            Entries.Add(new(key, value));
        }

        return this;
    }

    /// <summary>Sets <paramref name="key"/> only when <paramref name="value"/> is not null.</summary>
    public MapNode SetIf(string key, TemplateNode? value) => value is null ? this : Set(key, value);
}
