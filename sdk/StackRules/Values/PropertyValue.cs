namespace StackRules;

/// <summary>
/// A resource property as the policy pack sees it, whatever the input format (Pulumi YAML template, stack export,
/// preview JSON, or the analyzer's protobuf Struct). Unknown, secret and reference values are explicit, so a rule
/// can tell "not known yet" from "absent" and never reports a violation on a value it cannot see.
/// </summary>
public abstract record PropertyValue
{
    /// <summary>
    /// Whether two values are the same value: same kind, same scalar, same items in order, same properties (records of
    /// lists and objects compare their collections by reference; this compares their contents). Iterative, so a deep
    /// value cannot overflow the stack.
    /// </summary>
    public static bool Same(PropertyValue? a, PropertyValue? b)
    {
        var pending = new Stack<(PropertyValue? A, PropertyValue? B)>();
        pending.Push((a, b));
        while (pending.TryPop(out var pair))
        {
            switch (pair)
            {
                case (ArrayValue x, ArrayValue y):
                    if (x.Items.Count != y.Items.Count)
                    {
                        return false;
                    }

                    for (var i = 0; i < x.Items.Count; i++)
                    {
                        pending.Push((x.Items[i], y.Items[i]));
                    }

                    break;
                case (ObjectValue x, ObjectValue y):
                    if (x.Properties.Count != y.Properties.Count)
                    {
                        return false;
                    }

                    foreach (var (key, value) in x.Properties)
                    {
                        if (!y.Properties.TryGetValue(key, out var other))
                        {
                            return false;
                        }

                        pending.Push((value, other));
                    }

                    break;
                case (SecretValue x, SecretValue y):
                    pending.Push((x.Inner, y.Inner));
                    break;
                default:
                    if (!Equals(pair.A, pair.B))
                    {
                        return false;
                    }

                    break;
            }
        }

        return true;
    }
}

/// <summary>An explicit null (an unset property in most formats).</summary>
public sealed record NullValue : PropertyValue
{
    /// <summary>The null value.</summary>
    public static readonly NullValue Instance = new();
}

/// <summary>A boolean.</summary>
/// <param name="Value">The value.</param>
public sealed record BoolValue(bool Value) : PropertyValue;

/// <summary>A number (JSON numbers are doubles).</summary>
/// <param name="Value">The value.</param>
public sealed record NumberValue(double Value) : PropertyValue;

/// <summary>A string.</summary>
/// <param name="Value">The value.</param>
public sealed record StringValue(string Value) : PropertyValue;

/// <summary>A list.</summary>
/// <param name="Items">The items, in order.</param>
public sealed record ArrayValue(IReadOnlyList<PropertyValue> Items) : PropertyValue;

/// <summary>An object: property names and values.</summary>
/// <param name="Properties">The properties.</param>
public sealed record ObjectValue(IReadOnlyDictionary<string, PropertyValue> Properties) : PropertyValue
{
    /// <summary>An object with no properties.</summary>
    public static readonly ObjectValue Empty = new(new Dictionary<string, PropertyValue>());
}

/// <summary>Not known before deployment (an output of a resource a preview has not created yet).</summary>
public sealed record UnknownValue : PropertyValue
{
    /// <summary>The unknown value.</summary>
    public static readonly UnknownValue Instance = new();
}

/// <summary>A secret. Rules may evaluate <see cref="Inner"/>; no output may ever print it.</summary>
/// <param name="Inner">The secret's value.</param>
public sealed record SecretValue(PropertyValue Inner) : PropertyValue;

/// <summary>
/// A reference to a property of another resource, by that resource's URN: <c>${taskSubnetA.id}</c> in a template,
/// or an unknown value whose property dependency names exactly one resource in a preview.
/// </summary>
/// <param name="TargetUrn">The URN of the resource referred to.</param>
/// <param name="Property">Its property (<c>id</c>, <c>arn</c>...).</param>
public sealed record ReferenceValue(string TargetUrn, string Property) : PropertyValue
{
    /// <summary>
    /// The resource <see cref="TargetUrn"/> names, when the reader that made this value found it as it read (the
    /// analyzer's decoder, for a reference to a resource it had already read): a hint that an evaluation over that
    /// reader's stack uses instead of a lookup by URN (<see cref="ExtensionContext.Find(ReferenceValue)"/>), and only
    /// when that stack vouches for it. Not part of the value: two references to one URN and property are equal.
    /// </summary>
    internal StackResource? Target { get; init; }

    /// <summary>Whether <paramref name="other"/> refers to the same property of the same URN.</summary>
    /// <param name="other">The other reference.</param>
    public bool Equals(ReferenceValue? other) =>
        ReferenceEquals(this, other)
        || (other is not null && string.Equals(TargetUrn, other.TargetUrn, StringComparison.Ordinal) && string.Equals(Property, other.Property, StringComparison.Ordinal));

    /// <summary>A hash of the URN and the property (the link to the target is not part of it).</summary>
    public override int GetHashCode() => HashCode.Combine(TargetUrn, Property);
}
