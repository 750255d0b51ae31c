namespace FargateNetwork.Aws.Tests;

public class PlatformVersionTests
{
    [Theory]
    [InlineData("LATEST", true)]
    [InlineData("latest", true)]
    [InlineData("1.4.0", true)]
    [InlineData("1.5.0", true)]
    [InlineData("1.3.0", false)]
    [InlineData("1.0.0", false)]
    [InlineData("1.4", false)]
    [InlineData("next", null)]
    public void TheTaskEniFetchesFromVersion140(string version, bool? expected) =>
        Assert.Equal(expected, PlatformVersion.Of(version).TaskEniFetchesSecrets);

    [Fact]
    public void AnUnknownVersionDecidesNothing()
    {
        Assert.True(PlatformVersion.Unknown.IsUnknown);
        Assert.Null(PlatformVersion.Unknown.TaskEniFetchesSecrets);
        Assert.Equal("unknown", PlatformVersion.Unknown.ToString());
    }

    [Fact]
    public void LatestIsTheDefault()
    {
        Assert.True(PlatformVersion.Latest.IsLatest);
        Assert.Equal(PlatformVersion.Latest, new TaskSpec().PlatformVersion);
        Assert.Equal(PlatformVersion.Of("LATEST"), PlatformVersion.Latest);
    }
}
