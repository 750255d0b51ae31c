namespace FargateNetwork.Aws.Tests;

public class TaskSpecTests
{
    [Theory]
    [InlineData(LaunchType.Fargate, "LATEST", false, true)]
    [InlineData(LaunchType.Fargate, "1.4.0", false, true)]
    [InlineData(LaunchType.Fargate, "1.3.0", false, false)]
    [InlineData(LaunchType.Fargate, "1.0.0", true, true)]
    [InlineData(LaunchType.Fargate, null, false, null)]
    [InlineData(LaunchType.Fargate, null, true, null)]
    [InlineData(LaunchType.Ec2, null, false, true)]
    [InlineData(LaunchType.Ec2, "1.3.0", false, true)]
    [InlineData(LaunchType.Unknown, "1.3.0", false, true)]
    public void TheTaskEniFetchesSecretsFromFargate140WindowsAndOtherLaunchTypes(LaunchType launchType, string? version, bool windows, bool? expected)
    {
        var spec = new TaskSpec
        {
            LaunchType = launchType,
            PlatformVersion = version is null ? PlatformVersion.Unknown : PlatformVersion.Of(version),
            IsWindows = windows,
        };
        Assert.Equal(expected, spec.TaskEniFetchesSecrets);
    }

    [Theory]
    [InlineData("us-east-1", "ap-northeast-1", true)]
    [InlineData("AP-NORTHEAST-1", "ap-northeast-1", false)]
    [InlineData(null, "ap-northeast-1", false)]
    [InlineData("us-east-1", null, false)]
    public void AnotherRegionIsOneKnownToDiffer(string? region, string? vpcRegion, bool expected) =>
        Assert.Equal(expected, new TaskSpec { VpcRegion = vpcRegion }.IsOtherRegion(region));
}
