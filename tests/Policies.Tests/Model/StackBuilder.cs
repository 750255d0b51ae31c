using System.Collections;

namespace FargateNetwork.Policies.Tests.Model;

/// <summary>How one resource names another in the built stack.</summary>
public enum RefStyle
{
    /// <summary><c>ReferenceValue(urn, "id")</c>, as in a Pulumi YAML template or a preview.</summary>
    Reference,

    /// <summary>Literal ids and ARNs, with ids and <c>arn</c> outputs on every resource, as in a stack export.</summary>
    Id,
}

/// <summary>
/// A small fluent builder of <see cref="StackResource"/> lists for the rule tests. Resources are kept as mutable
/// property bags until <see cref="Build"/>, so a test can take a known-good stack and change one thing.
/// </summary>
public sealed class StackBuilder(RefStyle style = RefStyle.Reference)
{
    private readonly List<Entry> entries = [];

    public RefStyle Style => style;

    public sealed class Entry(string type, string name, Dictionary<string, PropertyValue> props)
    {
        public string Type { get; } = type;

        public string Name { get; } = name;

        public Dictionary<string, PropertyValue> Props { get; } = props;

        public string Urn => $"urn:pulumi:test::fargate::{Type}::{Name}";

        public string Id => $"{Prefix(Type)}-{Name}";

        public string Arn => $"arn:aws:test:ap-northeast-1:123456789012:{Type.Split(':')[^1].ToLowerInvariant()}/{Name}";

        private static string Prefix(string type) => type.Split(':')[^1].ToLowerInvariant() switch
        {
            "subnet" => "subnet",
            "vpc" => "vpc",
            "routetable" => "rtb",
            "internetgateway" => "igw",
            "natgateway" => "nat",
            "securitygroup" => "sg",
            "vpcendpoint" => "vpce",
            "eip" => "eipalloc",
            _ => "id",
        };
    }

    public Entry Add(string type, string name, params (string Key, object? Value)[] props)
    {
        var entry = new Entry(type, name, props.ToDictionary(p => p.Key, p => Value(p.Value), StringComparer.Ordinal));
        entries.Add(entry);
        return entry;
    }

    public Entry this[string name] => entries.Single(e => e.Name == name);

    public StackBuilder Set(string name, string key, object? value)
    {
        this[name].Props[key] = Value(value);
        return this;
    }

    public StackBuilder Unset(string name, string key)
    {
        this[name].Props.Remove(key);
        return this;
    }

    public StackBuilder Remove(string name)
    {
        entries.Remove(this[name]);
        return this;
    }

    /// <summary>A reference to another resource's id in this builder's style.</summary>
    public PropertyValue Ref(Entry target) => style == RefStyle.Reference ? new ReferenceValue(target.Urn, "id") : new StringValue(target.Id);

    public PropertyValue Ref(string name) => Ref(this[name]);

    /// <summary>A reference to another resource's ARN in this builder's style.</summary>
    public PropertyValue Arn(string name) => style == RefStyle.Reference ? new ReferenceValue(this[name].Urn, "arn") : new StringValue(this[name].Arn);

    public PropertyValue Refs(params string[] names) => new ArrayValue(names.Select(Ref).ToList());

    public IReadOnlyList<StackResource> Build() => entries.Select(e => new StackResource(
        e.Urn,
        e.Type,
        e.Name,
        new ObjectValue(new Dictionary<string, PropertyValue>(e.Props, StringComparer.Ordinal)),
        style == RefStyle.Id ? e.Id : null,
        Outputs: style == RefStyle.Id ? new ObjectValue(new Dictionary<string, PropertyValue> { ["arn"] = new StringValue(e.Arn) }) : null)).ToList();

    public static ObjectValue Obj(params (string Key, object? Value)[] props) =>
        new(props.ToDictionary(p => p.Key, p => Value(p.Value), StringComparer.Ordinal));

    public static PropertyValue Value(object? value) => value switch
    {
        null => NullValue.Instance,
        PropertyValue p => p,
        string s => new StringValue(s),
        bool b => new BoolValue(b),
        int i => new NumberValue(i),
        double d => new NumberValue(d),
        IEnumerable items => new ArrayValue(items.Cast<object?>().Select(Value).ToList()),
        _ => throw new ArgumentException($"no property value for {value.GetType()}"),
    };
}
