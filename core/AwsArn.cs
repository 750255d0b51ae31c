namespace FargateNetwork.Aws;

/// <summary>
/// Amazon Resource Names: <c>arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE</c>, whose Region field is empty for a
/// global service (IAM, for one). https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
/// </summary>
public static class AwsArn
{
    /// <summary>The Region field of <paramref name="text"/> when it is an ARN that names one; null otherwise (a name, a global ARN).</summary>
    public static string? RegionOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(':', 5);
        return parts.Length == 5 && parts[0] == "arn" && parts[3].Length > 0 ? parts[3] : null;
    }
}
