namespace StackRules;

/// <summary>Pulumi type tokens (<c>package:module/member:Type</c>).</summary>
public static class TypeToken
{
    /// <summary>
    /// The full form of a type token: Pulumi YAML accepts <c>aws:ec2:Vpc</c> for <c>aws:ec2/vpc:Vpc</c> (the module's
    /// member named after the type with a lower-case first letter); every other token is returned as it is.
    /// </summary>
    public static string Canonical(string type)
    {
        // Read in place: most tokens are already canonical and are returned without allocating.
        var first = type.IndexOf(':', StringComparison.Ordinal);
        var second = first < 0 ? -1 : type.IndexOf(':', first + 1);
        if (second < 0 || type.IndexOf(':', second + 1) >= 0 || second == type.Length - 1)
        {
            return type;
        }

        var package = type.AsSpan(0, first);
        var module = type.AsSpan(first + 1, second - first - 1);
        var member = type.AsSpan(second + 1);
        if (module.Contains('/') || package.SequenceEqual("pulumi"))
        {
            return type;
        }

        return $"{package}:{module}/{char.ToLowerInvariant(member[0])}{member[1..]}:{member}";
    }
}
