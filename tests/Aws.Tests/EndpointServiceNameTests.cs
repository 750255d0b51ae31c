namespace FargateNetwork.Aws.Tests;

public class EndpointServiceNameTests
{
    [Theory]
    [InlineData("ap-northeast-1", "ecr.api", EndpointKind.Interface, "com.amazonaws.ap-northeast-1.ecr.api")]
    [InlineData("us-gov-west-1", "ecr.dkr", EndpointKind.Interface, "com.amazonaws.us-gov-west-1.ecr.dkr")]
    [InlineData("cn-north-1", "ecr.api", EndpointKind.Interface, "cn.com.amazonaws.cn-north-1.ecr.api")]
    [InlineData("cn-northwest-1", "ecr.dkr", EndpointKind.Interface, "cn.com.amazonaws.cn-northwest-1.ecr.dkr")]
    [InlineData("cn-north-1", "logs", EndpointKind.Interface, "com.amazonaws.cn-north-1.logs")]
    [InlineData("cn-north-1", "secretsmanager", EndpointKind.Interface, "com.amazonaws.cn-north-1.secretsmanager")]
    [InlineData("cn-north-1", "ecs-agent", EndpointKind.Interface, "com.amazonaws.cn-north-1.ecs-agent")]
    [InlineData("cn-north-1", "s3", EndpointKind.Interface, "cn.com.amazonaws.cn-north-1.s3")]
    [InlineData("cn-north-1", "s3", EndpointKind.Gateway, "com.amazonaws.cn-north-1.s3")]
    [InlineData("us-iso-east-1", "ecr.api", EndpointKind.Interface, "gov.ic.c2s.us-iso-east-1.ecr.api")]
    [InlineData("us-isob-east-1", "ecr.dkr", EndpointKind.Interface, "gov.sgov.sc2s.us-isob-east-1.ecr.dkr")]
    [InlineData("eusc-de-east-1", "ecr.api", EndpointKind.Interface, "eu.amazonaws.eusc-de-east-1.ecr.api")]
    public void NamesFollowThePartition(string region, string service, EndpointKind kind, string expected) =>
        Assert.Equal(expected, EndpointServiceName.For(region, service, kind).ToString());

    [Theory]
    [InlineData("com.amazonaws.eu-west-1.ecr.api", "eu-west-1", "ecr.api")]
    [InlineData("cn.com.amazonaws.cn-north-1.ecr.dkr", "cn-north-1", "ecr.dkr")]
    [InlineData("gov.ic.c2s.us-iso-east-1.ecr.api", "us-iso-east-1", "ecr.api")]
    [InlineData("com.amazonaws.us-east-1.s3", "us-east-1", "s3")]
    public void ParsesEveryPrefix(string name, string region, string service)
    {
        Assert.True(EndpointServiceName.TryParse(name, out var parsed));
        Assert.Equal((region, service), (parsed.Region, parsed.Service));
        Assert.Equal(name, parsed.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0")]
    [InlineData("com.amazonaws.us-east-1")]
    [InlineData("xcom.amazonaws.us-east-1.ecr.api")]
    public void RefusesWhatIsNoAwsServiceName(string? name) => Assert.False(EndpointServiceName.TryParse(name, out _));

    [Fact]
    public void EveryNameRoundTrips()
    {
        foreach (var region in new[] { "us-east-1", "cn-north-1", "cn-northwest-1", "us-iso-west-1", "us-isof-south-1", "eu-isoe-west-1" })
        {
            foreach (var service in new[] { "ecr.api", "ecr.dkr", "logs", "s3", "sts", "ssm", "ssmmessages", "ecs", "xray" })
            {
                var name = EndpointServiceName.For(region, service);
                Assert.True(EndpointServiceName.TryParse(name.ToString(), out var parsed));
                Assert.Equal(name, parsed);
            }
        }
    }

    [Fact]
    public void UnknownRegionIsWrittenAsAPlaceholder() =>
        Assert.Equal("com.amazonaws.<region>.ecr.api", EndpointServiceName.Full(null, "ecr.api"));
}
