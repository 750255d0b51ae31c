namespace FargateNetwork.Aws.Tests;

public class ContainerImageTests
{
    [Theory]
    [InlineData("111122223333.dkr.ecr.ap-northeast-1.amazonaws.com/app:1.0", ImageRegistry.Ecr, "ap-northeast-1")]
    [InlineData("111122223333.dkr.ecr.EU-WEST-1.amazonaws.com/app@sha256:0123", ImageRegistry.Ecr, "eu-west-1")]
    [InlineData("111122223333.dkr.ecr-fips.us-east-1.amazonaws.com/app:1", ImageRegistry.Ecr, "us-east-1")]
    [InlineData("111122223333.dkr.ecr.cn-north-1.amazonaws.com.cn/app:1", ImageRegistry.Ecr, "cn-north-1")]
    [InlineData("public.ecr.aws/nginx/nginx:1.27", ImageRegistry.Other, null)]
    [InlineData("nginx:1.27", ImageRegistry.Other, null)]
    [InlineData("ghcr.io/org/app:1", ImageRegistry.Other, null)]
    [InlineData("1111222233.dkr.ecr.us-east-1.amazonaws.com/app:1", ImageRegistry.Other, null)]
    [InlineData("111122223333.dkr.ecr.us-east-1.amazonaws.com", ImageRegistry.Other, null)]
    public void ParseTellsPrivateEcrFromOtherRegistries(string reference, ImageRegistry registry, string? region)
    {
        var image = ContainerImage.Parse(reference);
        Assert.Equal((registry, region, reference), (image.Registry, image.Region, image.Shown));
    }

    [Fact]
    public void UnknownHasNoRegion() => Assert.Equal((ImageRegistry.Unknown, (string?)null), (ContainerImage.Unknown.Registry, ContainerImage.Unknown.Region));
}
