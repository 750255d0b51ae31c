namespace StackRules;

/// <summary>
/// Typed reads of an object of properties (a resource's inputs, or a nested object such as
/// <c>networkConfiguration</c>). Every read returns a <see cref="Fact{T}"/>: known, absent or unknown, and marked
/// secret when it comes from a secret, so a policy cannot mistake "not known yet" for "not set" and cannot print a
/// secret (<see cref="Fact{T}.ToString"/> prints <c>[secret]</c>). Reads through an absent or unknown object are absent
/// or unknown in turn; reads inside a secret object are secret.
/// </summary>
public readonly struct PropertyMap
{
    private readonly ObjectValue? value;

    /// <summary>A known map over <paramref name="value"/>.</summary>
    public PropertyMap(ObjectValue value)
        : this(value, FactState.Known, false)
    {
    }

    private PropertyMap(ObjectValue? value, FactState state, bool isSecret)
    {
        this.value = value;
        State = state;
        IsSecret = isSecret;
    }

    /// <summary>Whether the object itself is known, absent or unknown.</summary>
    public FactState State { get; }

    /// <summary>True when the object (or an object around it) is secret.</summary>
    public bool IsSecret { get; }

    /// <summary>The property names of a known object (none otherwise).</summary>
    public IEnumerable<string> Names => value?.Properties.Keys ?? [];

    /// <summary>The raw value of a property, secret wrapping kept; null when absent.</summary>
    public PropertyValue? Raw(string name)
    {
        if (State == FactState.Unknown)
        {
            return UnknownValue.Instance;
        }

        if (value is null || !value.Properties.TryGetValue(name, out var found) || found is NullValue)
        {
            return null;
        }

        return IsSecret && found is not SecretValue ? new SecretValue(found) : found;
    }

    /// <summary>A string property (numbers and booleans read as their text).</summary>
    public Fact<string> Text(string name) => ResourceProperties.AsString(Raw(name));

    /// <summary>A boolean property (also the strings <c>true</c>/<c>false</c>).</summary>
    public Fact<bool> Bool(string name) => ResourceProperties.AsBool(Raw(name));

    /// <summary>A number property (also a string holding a number).</summary>
    public Fact<double> Number(string name) => ResourceProperties.AsNumber(Raw(name));

    /// <summary>A nested object (absent, unknown or secret as the property is).</summary>
    public PropertyMap Nested(string name) => Of(Raw(name));

    /// <summary>A list property: its items, each read with <paramref name="read"/>; unknown when the list is.</summary>
    public Fact<IReadOnlyList<T>> List<T>(string name, Func<PropertyValue, T> read)
    {
        var raw = Raw(name);
        if (raw is null)
        {
            return Fact<IReadOnlyList<T>>.Absent;
        }

        return ResourceProperties.AsList(raw) is { } items
            ? Fact<IReadOnlyList<T>>.Of(items.Select(read).ToList()).Secret(raw is SecretValue)
            : Fact<IReadOnlyList<T>>.Unknown;
    }

    /// <summary>A list of strings, each item a fact of its own (an item may be unknown while the list is known).</summary>
    public Fact<IReadOnlyList<Fact<string>>> TextList(string name) => List(name, ResourceProperties.AsString);

    /// <summary>A list of objects.</summary>
    public Fact<IReadOnlyList<PropertyMap>> ObjectList(string name) => List(name, Of);

    /// <summary>A map of strings (tags): known entries only; unknown when the map is.</summary>
    public Fact<IReadOnlyDictionary<string, Fact<string>>> TextMap(string name)
    {
        var map = Nested(name);
        if (map.State != FactState.Known)
        {
            return map.State == FactState.Unknown ? Fact<IReadOnlyDictionary<string, Fact<string>>>.Unknown : Fact<IReadOnlyDictionary<string, Fact<string>>>.Absent;
        }

        var result = map.Names.ToDictionary(k => k, map.Text, StringComparer.Ordinal);
        return Fact<IReadOnlyDictionary<string, Fact<string>>>.Of(result).Secret(map.IsSecret);
    }

    /// <summary>A typed record read from a nested object with <paramref name="read"/>; absent or unknown as the object is.</summary>
    public Fact<T> As<T>(string name, Func<PropertyMap, T> read)
    {
        var map = Nested(name);
        return map.State switch
        {
            FactState.Known => Fact<T>.Of(read(map)).Secret(map.IsSecret),
            FactState.Unknown => Fact<T>.Unknown,
            _ => Fact<T>.Absent,
        };
    }

    /// <summary>A map over any property value: known for an object, unknown for an unknown, absent otherwise.</summary>
    public static PropertyMap Of(PropertyValue? raw)
    {
        var secret = raw is SecretValue;
        return ResourceProperties.Unwrap(raw) switch
        {
            ObjectValue o => new PropertyMap(o, FactState.Known, secret),
            UnknownValue or ReferenceValue => new PropertyMap(null, FactState.Unknown, secret),
            StringValue s when s.Value.Contains("${", StringComparison.Ordinal) => new PropertyMap(null, FactState.Unknown, secret),
            _ => new PropertyMap(null, FactState.Absent, secret),
        };
    }
}
