namespace FargateNetwork.Policies.Model;

/// <summary>
/// An AWS service name such as <c>com.amazonaws.ap-northeast-1.ecr.api</c>: the Region and the service suffix
/// (<c>ecr.api</c>). Rules match by suffix so a name whose Region is unknown or differs still matches.
/// China Regions use the <c>cn.com.amazonaws.</c> prefix.
/// </summary>
public readonly record struct EndpointServiceName(string Region, string Service)
{
    public static bool TryParse(string? name, out EndpointServiceName parsed)
    {
        parsed = default;
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        const string Prefix = "com.amazonaws.";
        var start = name.IndexOf(Prefix, StringComparison.Ordinal);
        if (start < 0 || (start > 0 && name[..start] != "cn."))
        {
            return false;
        }

        var rest = name[(start + Prefix.Length)..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == rest.Length - 1)
        {
            return false;
        }

        parsed = new EndpointServiceName(rest[..dot], rest[(dot + 1)..]);
        return true;
    }

    /// <summary>The full name for a message: <c>com.amazonaws.REGION.ecr.api</c> with the Region when known.</summary>
    public static string Full(string? region, string service) =>
        region is null ? $"com.amazonaws.<region>.{service}" :
        region.StartsWith("cn-", StringComparison.Ordinal) ? $"cn.com.amazonaws.{region}.{service}" : $"com.amazonaws.{region}.{service}";
}
