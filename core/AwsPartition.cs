namespace FargateNetwork.Aws;

/// <summary>
/// An AWS partition (<c>aws</c>, <c>aws-cn</c>, <c>aws-us-gov</c>, ...) and what differs in it: the ARN partition
/// field and the DNS suffix of public service endpoints. A Region belongs to exactly one partition, told by its
/// name's prefix (https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/partitions.html;
/// China: https://docs.amazonaws.cn/en_us/aws/latest/userguide/endpoints-arns.html, suffix <c>amazonaws.com.cn</c>).
/// </summary>
public sealed record AwsPartition(string Name, string DnsSuffix)
{
    public static AwsPartition Aws { get; } = new("aws", "amazonaws.com");

    public static AwsPartition China { get; } = new("aws-cn", "amazonaws.com.cn");

    public static AwsPartition GovCloud { get; } = new("aws-us-gov", "amazonaws.com");

    /// <summary>The partition of <paramref name="region"/> (<c>aws</c> for a name no other partition claims).</summary>
    public static AwsPartition Of(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return region.StartsWith("cn-", StringComparison.Ordinal) ? China
            : region.StartsWith("us-gov-", StringComparison.Ordinal) ? GovCloud
            : region.StartsWith("us-isob-", StringComparison.Ordinal) ? new("aws-iso-b", "sc2s.sgov.gov")
            : region.StartsWith("us-isof-", StringComparison.Ordinal) ? new("aws-iso-f", "csp.hci.ic.gov")
            : region.StartsWith("us-iso-", StringComparison.Ordinal) ? new("aws-iso", "c2s.ic.gov")
            : region.StartsWith("eu-isoe-", StringComparison.Ordinal) ? new("aws-iso-e", "cloud.adc-e.uk")
            : region.StartsWith("eusc-", StringComparison.Ordinal) ? new("aws-eusc", "amazonaws.eu")
            : Aws;
    }
}
