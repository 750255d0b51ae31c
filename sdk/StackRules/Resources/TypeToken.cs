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
        var parts = type.Split(':');
        if (parts.Length != 3 || parts[1].Contains('/', StringComparison.Ordinal) || parts[2].Length == 0 || parts[0] == "pulumi")
        {
            return type;
        }

        return $"{parts[0]}:{parts[1]}/{char.ToLowerInvariant(parts[2][0])}{parts[2][1..]}:{parts[2]}";
    }
}
