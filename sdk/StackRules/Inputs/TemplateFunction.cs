using System.Globalization;

namespace StackRules.Inputs;

/// <summary>
/// The Pulumi YAML built-in functions (<c>fn::name: argument</c>) as far as a check before deployment can evaluate
/// them: <c>fn::toJSON</c> keeps the value itself (the model reads a JSON string or the structure alike),
/// <c>fn::secret</c> marks a secret, <c>fn::join</c>, <c>fn::select</c> and <c>fn::split</c> are evaluated on literal
/// arguments, <c>fn::unsecret</c> drops the secret mark. Anything else (invokes, assets, base64, a reference among
/// the arguments) is unknown. Pulumi YAML matches function names case-insensitively.
/// </summary>
internal static class TemplateFunction
{
    public const string Prefix = "fn::";

    /// <summary>
    /// Evaluates <paramref name="name"/> on its already converted <paramref name="argument"/>; what
    /// <c>fn::join</c> builds is counted against <paramref name="budget"/> before it is built.
    /// </summary>
    public static PropertyValue Evaluate(string name, PropertyValue argument, ExpansionBudget budget) => name.ToLowerInvariant() switch
    {
        "fn::tojson" => argument,
        "fn::secret" => argument is SecretValue ? argument : new SecretValue(argument),
        "fn::unsecret" => argument is SecretValue secret ? secret.Inner : argument,
        "fn::join" => Join(argument, budget),
        "fn::select" => Select(argument),
        "fn::split" => Split(argument),
        _ => UnknownValue.Instance,
    };

    private static PropertyValue Join(PropertyValue argument, ExpansionBudget budget)
    {
        var secret = false;
        if (Open(argument, ref secret) is not ArrayValue { Items: [var delimiter, var list] }
            || Text(delimiter, ref secret) is not { } separator
            || Open(list, ref secret) is not ArrayValue items)
        {
            return UnknownValue.Instance;
        }

        var parts = new List<string>(items.Items.Count);
        foreach (var item in items.Items)
        {
            if (Text(item, ref secret) is not { } part)
            {
                return UnknownValue.Instance;
            }

            parts.Add(part);
        }

        budget.Join(parts.Sum(p => (long)p.Length) + ((long)separator.Length * Math.Max(0, parts.Count - 1)));
        return Wrap(new StringValue(string.Join(separator, parts)), secret);
    }

    private static PropertyValue Select(PropertyValue argument)
    {
        var secret = false;
        if (Open(argument, ref secret) is not ArrayValue { Items: [var index, var list] }
            || Open(index, ref secret) is not NumberValue n
            || Open(list, ref secret) is not ArrayValue items
            || n.Value < 0 || n.Value >= items.Items.Count || n.Value != Math.Floor(n.Value))
        {
            return UnknownValue.Instance;
        }

        return Wrap(items.Items[(int)n.Value], secret);
    }

    private static PropertyValue Split(PropertyValue argument)
    {
        var secret = false;
        if (Open(argument, ref secret) is not ArrayValue { Items: [var delimiter, var source] }
            || Text(delimiter, ref secret) is not { Length: > 0 } separator
            || Text(source, ref secret) is not { } text)
        {
            return UnknownValue.Instance;
        }

        return Wrap(new ArrayValue(text.Split(separator).Select(p => (PropertyValue)new StringValue(p)).ToList()), secret);
    }

    private static PropertyValue Open(PropertyValue value, ref bool secret)
    {
        while (value is SecretValue s)
        {
            secret = true;
            value = s.Inner;
        }

        return value;
    }

    private static string? Text(PropertyValue value, ref bool secret) => Open(value, ref secret) switch
    {
        StringValue s => s.Value,
        NumberValue n => n.Value.ToString(CultureInfo.InvariantCulture),
        BoolValue b => b.Value ? "true" : "false",
        _ => null,
    };

    private static PropertyValue Wrap(PropertyValue value, bool secret) => secret && value is not SecretValue ? new SecretValue(value) : value;
}
