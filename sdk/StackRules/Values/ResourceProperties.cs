using System.Globalization;

namespace StackRules;

/// <summary>
/// Typed reads of one resource's properties: inputs first, then outputs (a stack export's outputs carry the values
/// the provider computed, such as a subnet's availability zone). Secrets are unwrapped for evaluation only; the
/// model never copies a secret into a message.
/// </summary>
public readonly struct ResourceProperties(StackResource resource)
{
    /// <summary>The resource read.</summary>
    public StackResource Resource => resource;

    /// <summary>The raw value of a property: the input, else the output; null when neither is set.</summary>
    public PropertyValue? Get(string name)
    {
        if (resource.Inputs.Properties.TryGetValue(name, out var value) && value is not NullValue)
        {
            return value;
        }

        // The analyzer's resources have one set of properties for both (the same object): looked up once.
        return resource.Outputs is { } outputs && !ReferenceEquals(outputs, resource.Inputs) && outputs.Properties.TryGetValue(name, out var output) && output is not NullValue
            ? output
            : null;
    }

    /// <summary>A string property (input, else output).</summary>
    public Fact<string> Text(string name) => AsString(Get(name));

    /// <summary>
    /// An input only, without the output fallback: for properties whose output AWS fills with a default that the
    /// stack did not ask for (an endpoint's full-access <c>policy</c>).
    /// </summary>
    public Fact<string> InputText(string name) =>
        resource.Inputs.Properties.TryGetValue(name, out var value) ? AsString(value) : Fact<string>.Absent;

    /// <summary>A boolean property (input, else output).</summary>
    public Fact<bool> Bool(string name) => AsBool(Get(name));

    /// <summary>A number property (input, else output).</summary>
    public Fact<double> Number(string name) => AsNumber(Get(name));

    /// <summary>The value inside any secret wrapping; null for null.</summary>
    public static PropertyValue? Unwrap(PropertyValue? value)
    {
        while (value is SecretValue secret)
        {
            value = secret.Inner;
        }

        return value is NullValue ? null : value;
    }

    /// <summary>Any value as a string fact (a secret stays marked secret).</summary>
    public static Fact<string> AsString(PropertyValue? value) => StringOf(value).Secret(value is SecretValue);

    /// <summary>Any value as a boolean fact.</summary>
    public static Fact<bool> AsBool(PropertyValue? value) => BoolOf(value).Secret(value is SecretValue);

    /// <summary>Any value as a number fact.</summary>
    public static Fact<double> AsNumber(PropertyValue? value) => NumberOf(value).Secret(value is SecretValue);

    private static Fact<string> StringOf(PropertyValue? value) => Unwrap(value) switch
    {
        null => Fact<string>.Absent,
        // An empty string is how stack exports (Terraform-bridged state) write an unset attribute.
        StringValue { Value.Length: 0 } => Fact<string>.Absent,
        StringValue s when s.Value.Contains("${", StringComparison.Ordinal) => Fact<string>.Unknown,
        StringValue s => Fact<string>.Of(s.Value),
        NumberValue n => Fact<string>.Of(n.Value.ToString(CultureInfo.InvariantCulture)),
        BoolValue b => Fact<string>.Of(b.Value ? "true" : "false"),
        _ => Fact<string>.Unknown,
    };

    /// <summary>Booleans, also as the strings <c>true</c>/<c>false</c> and <c>ENABLED</c>/<c>DISABLED</c>.</summary>
    private static Fact<bool> BoolOf(PropertyValue? value) => Unwrap(value) switch
    {
        null => Fact<bool>.Absent,
        BoolValue b => Fact<bool>.Of(b.Value),
        StringValue s when s.Value.Equals("true", StringComparison.OrdinalIgnoreCase) || s.Value.Equals("ENABLED", StringComparison.OrdinalIgnoreCase) => Fact<bool>.Of(true),
        StringValue s when s.Value.Equals("false", StringComparison.OrdinalIgnoreCase) || s.Value.Equals("DISABLED", StringComparison.OrdinalIgnoreCase) => Fact<bool>.Of(false),
        _ => Fact<bool>.Unknown,
    };

    private static Fact<double> NumberOf(PropertyValue? value) => Unwrap(value) switch
    {
        null => Fact<double>.Absent,
        NumberValue n => Fact<double>.Of(n.Value),
        StringValue s when double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => Fact<double>.Of(d),
        _ => Fact<double>.Unknown,
    };

    /// <summary>The items of a list; <c>null</c> when the whole list is unknown.</summary>
    public static IReadOnlyList<PropertyValue>? AsList(PropertyValue? value) => Unwrap(value) switch
    {
        null => [],

        // The items of a secret list are secret too.
        ArrayValue a when value is SecretValue => a.Items.Select(i => i is SecretValue or NullValue ? i : new SecretValue(i)).ToList(),
        ArrayValue a => a.Items,
        _ => null,
    };

    /// <summary>An object value inside any secret wrapping, or null.</summary>
    public static ObjectValue? AsObject(PropertyValue? value) => Unwrap(value) as ObjectValue;

    /// <summary>A nested property of an object value (<c>networkConfiguration.subnets</c>).</summary>
    public static PropertyValue? Field(PropertyValue? value, string name) =>
        Unwrap(value) switch
        {
            // A field of a secret object is secret too.
            ObjectValue o when value is SecretValue => o.Properties.TryGetValue(name, out var v) && v is not SecretValue and not NullValue ? new SecretValue(v) : o.Properties.GetValueOrDefault(name),
            ObjectValue o => o.Properties.TryGetValue(name, out var v) ? v : null,
            UnknownValue or ReferenceValue => UnknownValue.Instance,
            _ => null,
        };
}
