namespace FargateNetwork.Policies.Stack;

/// <summary>
/// A resource property as the policy pack sees it, whatever the input format (Pulumi YAML template, stack export,
/// preview JSON, or the analyzer's protobuf Struct). Unknown, secret and reference values are explicit, so a rule
/// can tell "not known yet" from "absent" and never reports a violation on a value it cannot see.
/// </summary>
public abstract record PropertyValue;

public sealed record NullValue : PropertyValue
{
    public static readonly NullValue Instance = new();
}

public sealed record BoolValue(bool Value) : PropertyValue;

public sealed record NumberValue(double Value) : PropertyValue;

public sealed record StringValue(string Value) : PropertyValue;

public sealed record ArrayValue(IReadOnlyList<PropertyValue> Items) : PropertyValue;

public sealed record ObjectValue(IReadOnlyDictionary<string, PropertyValue> Properties) : PropertyValue
{
    public static readonly ObjectValue Empty = new(new Dictionary<string, PropertyValue>());
}

/// <summary>Not known before deployment (an output of a resource a preview has not created yet).</summary>
public sealed record UnknownValue : PropertyValue
{
    public static readonly UnknownValue Instance = new();
}

/// <summary>A secret. Rules may evaluate <see cref="Inner"/>; no output may ever print it.</summary>
public sealed record SecretValue(PropertyValue Inner) : PropertyValue;

/// <summary>
/// A reference to a property of another resource, by that resource's URN: <c>${taskSubnetA.id}</c> in a template,
/// or an unknown value whose property dependency names exactly one resource in a preview.
/// </summary>
public sealed record ReferenceValue(string TargetUrn, string Property) : PropertyValue;
