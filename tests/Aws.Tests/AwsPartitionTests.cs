namespace FargateNetwork.Aws.Tests;

public class AwsPartitionTests
{
    [Theory]
    [InlineData("ap-northeast-1", "aws", "amazonaws.com")]
    [InlineData("cn-north-1", "aws-cn", "amazonaws.com.cn")]
    [InlineData("us-gov-east-1", "aws-us-gov", "amazonaws.com")]
    [InlineData("us-iso-east-1", "aws-iso", "c2s.ic.gov")]
    [InlineData("us-isob-east-1", "aws-iso-b", "sc2s.sgov.gov")]
    public void RegionNamesTellThePartition(string region, string partition, string suffix)
    {
        var p = AwsPartition.Of(region);
        Assert.Equal((partition, suffix), (p.Name, p.DnsSuffix));
    }
}
