namespace FargateNetwork.Aws.Tests;

public class TaskNeedTests
{
    [Fact]
    public void AServiceOfTheVpcsRegionIsServedByAnEndpoint()
    {
        var need = new TaskNeed(AwsService.Logs, null, "why", "error");
        Assert.False(need.NeedsInternet);
        Assert.Equal("logs", need.LocalService);
        Assert.Equal(EndpointKind.Interface, need.Endpoint);
    }

    [Fact]
    public void S3IsServedByTheGatewayEndpoint() =>
        Assert.Equal(EndpointKind.Gateway, new TaskNeed(AwsService.S3, null, "why", "error").Endpoint);

    [Theory]
    [InlineData(null, null)]
    [InlineData("ecr.dkr", "us-east-1")]
    [InlineData("logs", "[secret]")]
    public void TheInternetAndAnotherRegionNeedAnInternetPath(string? service, string? region)
    {
        var need = new TaskNeed(service, region, "why", "error");
        Assert.True(need.NeedsInternet);
        Assert.Null(need.LocalService);
        Assert.Null(need.Endpoint);
    }
}
