namespace StackRules.Inputs;

/// <summary>
/// A Pulumi YAML string split into literal text and <c>${...}</c> expressions. <c>$$</c> is a literal <c>$</c>
/// (Pulumi YAML's escape), so <c>$${x}</c> is the text <c>${x}</c>.
/// </summary>
/// <param name="Literal">The text with escapes applied, when the string has no expression; else null.</param>
/// <param name="Expression">The expression's text when the whole string is exactly one <c>${...}</c>; else null.</param>
internal sealed record Interpolation(string? Literal, string? Expression)
{
    /// <summary>True when the string mixes literal text and expressions, or holds several: not known before deployment.</summary>
    public bool IsMixed => Literal is null && Expression is null;

    public static Interpolation Parse(string text)
    {
        if (!text.Contains('$', StringComparison.Ordinal))
        {
            return new Interpolation(text, null);
        }

        var literal = new System.Text.StringBuilder(text.Length);
        var expressions = 0;
        string? expression = null;
        var hasLiteral = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '$' && i + 1 < text.Length && text[i + 1] == '$')
            {
                literal.Append('$');
                hasLiteral = true;
                i++;
            }
            else if (c == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                var end = text.IndexOf('}', i + 2);
                if (end < 0)
                {
                    // An unterminated "${" is literal text (Pulumi YAML reports it; the value is unusable either way).
                    return new Interpolation(null, null);
                }

                expressions++;
                expression = text[(i + 2)..end].Trim();
                i = end;
            }
            else
            {
                literal.Append(c);
                hasLiteral = true;
            }
        }

        return expressions switch
        {
            0 => new Interpolation(literal.ToString(), null),
            1 when !hasLiteral => new Interpolation(null, expression),
            _ => new Interpolation(null, null),
        };
    }

    /// <summary>
    /// Splits an expression into its root name and the property path: <c>vpc.id</c> → (<c>vpc</c>, <c>id</c>),
    /// <c>lb.subnets[0]</c> → (<c>lb</c>, <c>subnets[0]</c>), <c>vpc</c> → (<c>vpc</c>, empty),
    /// <c>["a.b"].id</c> → (<c>a.b</c>, <c>id</c>).
    /// </summary>
    public static (string Root, string Path) Split(string expression)
    {
        // A name with dots is written ["name.with.dots"].
        if (expression.StartsWith("[\"", StringComparison.Ordinal) && expression.IndexOf("\"]", 2, StringComparison.Ordinal) is > 0 and var close)
        {
            var rest = expression[(close + 2)..];
            return (expression[2..close], rest.StartsWith('.') ? rest[1..] : rest);
        }

        var end = expression.IndexOfAny(['.', '[']);
        if (end < 0)
        {
            return (expression, string.Empty);
        }

        var path = expression[end] == '.' ? expression[(end + 1)..] : expression[end..];
        return (expression[..end], path);
    }
}
