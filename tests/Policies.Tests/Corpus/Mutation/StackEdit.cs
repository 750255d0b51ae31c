using FargateNetwork.Policies.Model;

namespace FargateNetwork.Policies.Tests.Corpus.Mutation;

/// <summary>
/// An editable copy of a normalized stack (the <see cref="StackResource"/> list a reader produced), for rewrites that
/// keep the network facts and mutations that drop things the tasks do not need. It knows the stack's form: a stack
/// whose resources carry provider ids (stack export) names resources by literal id, a template by reference.
/// </summary>
public sealed class StackEdit
{
    private readonly List<StackResource> resources;

    public StackEdit(IEnumerable<StackResource> resources)
    {
        this.resources = resources.ToList();
        HasIds = this.resources.Any(r => r.Id is not null);
    }

    /// <summary>True for a stack export (literal ids), false for a template (references).</summary>
    public bool HasIds { get; }

    public IReadOnlyList<StackResource> Resources => resources;

    public IEnumerable<StackResource> OfType(string type) =>
        resources.Where(r => ResourceGraph.CanonicalType(r.Type) == type).ToList();

    public StackResource? ByName(string name) => resources.FirstOrDefault(r => r.Name == name);

    public void Replace(StackResource old, StackResource updated) => resources[resources.IndexOf(old)] = updated;

    public void Remove(StackResource r) => resources.Remove(r);

    public void Add(StackResource r) => resources.Add(r);

    /// <summary>A new resource of <paramref name="type"/> in the same stack and project, with an id in an export.</summary>
    public StackResource New(string type, string name, Dictionary<string, PropertyValue> inputs)
    {
        var first = resources[0].Urn;
        var urn = Urn.Create(Urn.Stack(first), Urn.Project(first), type, name);
        return new StackResource(urn, type, name, new ObjectValue(inputs), HasIds ? $"{type.Split(':')[^1].ToLowerInvariant()}-{name}" : null);
    }

    /// <summary>How this stack's form names <paramref name="target"/>: its literal id in an export, a reference in a template.</summary>
    public PropertyValue RefTo(StackResource target) =>
        HasIds && target.Id is { } id ? new StringValue(id) : new ReferenceValue(target.Urn, "id");

    /// <summary>The resource <paramref name="value"/> names by id (reference or literal), if it is in the stack.</summary>
    public StackResource? Target(PropertyValue? value) => value switch
    {
        ReferenceValue { Property: "id" } r => resources.FirstOrDefault(x => x.Urn == r.TargetUrn),
        StringValue s => resources.FirstOrDefault(x => x.Id == s.Value),
        SecretValue secret => Target(secret.Inner),
        _ => null,
    };

    public static PropertyValue? Get(StackResource r, string key) =>
        r.Inputs.Properties.TryGetValue(key, out var v) ? v : null;

    public static StackResource With(StackResource r, string key, PropertyValue? value)
    {
        var props = new Dictionary<string, PropertyValue>(r.Inputs.Properties, StringComparer.Ordinal);
        if (value is null)
        {
            props.Remove(key);
        }
        else
        {
            props[key] = value;
        }

        return r with { Inputs = new ObjectValue(props) };
    }

    /// <summary>Applies <paramref name="map"/> to every value of the tree, bottom-up.</summary>
    public static PropertyValue Map(PropertyValue value, Func<PropertyValue, PropertyValue> map) => map(value switch
    {
        ArrayValue a => new ArrayValue(a.Items.Select(i => Map(i, map)).ToList()),
        ObjectValue o => new ObjectValue(o.Properties.ToDictionary(p => p.Key, p => Map(p.Value, map), StringComparer.Ordinal)),
        SecretValue s => new SecretValue(Map(s.Inner, map)),
        _ => value,
    });

    public static Dictionary<string, PropertyValue> Props(params (string Key, PropertyValue? Value)[] entries) =>
        entries.Where(e => e.Value is not null and not NullValue).ToDictionary(e => e.Key, e => e.Value!, StringComparer.Ordinal);

    /// <summary>A structural text of a value, to tell whether an edit changed anything.</summary>
    public static string Describe(PropertyValue value) => value switch
    {
        ArrayValue a => "[" + string.Join(",", a.Items.Select(Describe)) + "]",
        ObjectValue o => "{" + string.Join(",", o.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}:{Describe(p.Value)}")) + "}",
        SecretValue s => $"secret({Describe(s.Inner)})",
        _ => value.ToString(),
    };

    public static IReadOnlyList<PropertyValue> Items(PropertyValue? value) => value switch
    {
        ArrayValue a => a.Items,
        SecretValue s => Items(s.Inner),
        _ => [],
    };
}
