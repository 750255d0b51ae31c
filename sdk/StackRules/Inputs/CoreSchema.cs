using System.Globalization;
using System.Text.RegularExpressions;

namespace StackRules.Inputs;

/// <summary>
/// Types a plain (unquoted) YAML scalar by the YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1023-core-schema),
/// the schema Pulumi YAML's parser follows: null, bool, int (decimal, <c>0o</c> octal, <c>0x</c> hex), float, else a
/// string. So <c>enableDnsSupport: true</c> is a bool and <c>cidrBlock: 10.0.0.0/16</c> a string; <c>yes</c>/<c>on</c>
/// are strings (they were bools in YAML 1.1 only).
/// </summary>
internal static partial class CoreSchema
{
    public static PropertyValue? Literal(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return NullValue.Instance;
            case "true" or "True" or "TRUE":
                return new BoolValue(true);
            case "false" or "False" or "FALSE":
                return new BoolValue(false);
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                return new NumberValue(double.PositiveInfinity);
            case "-.inf" or "-.Inf" or "-.INF":
                return new NumberValue(double.NegativeInfinity);
            case ".nan" or ".NaN" or ".NAN":
                return new NumberValue(double.NaN);
        }

        if (text.StartsWith("0o", StringComparison.Ordinal) && text.Length > 2 && text[2..].All(c => c is >= '0' and <= '7'))
        {
            return new NumberValue(text[2..].Aggregate(0d, (n, c) => (n * 8) + (c - '0')));
        }

        if (text.StartsWith("0x", StringComparison.Ordinal) && text.Length > 2 && text[2..].All(char.IsAsciiHexDigit))
        {
            return new NumberValue(text[2..].Aggregate(0d, (n, c) => (n * 16) + System.Convert.ToInt32(c.ToString(), 16)));
        }

        if (Number().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return new NumberValue(number);
        }

        return null;
    }

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}
