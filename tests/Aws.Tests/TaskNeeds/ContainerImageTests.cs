using System.Text;
using System.Text.RegularExpressions;

namespace FargateNetwork.Aws.Tests;

public partial class ContainerImageTests
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

    [Theory]
    [InlineData("111122223333.DKR.ECR-FIPS.US-GOV-WEST-1.AMAZONAWS.COM.CN/x", ImageRegistry.Ecr, "us-gov-west-1")]
    [InlineData("111122223333.dkr.ecr.us-east-1.amazonaws.com.cn.x/app", ImageRegistry.Other, null)]
    [InlineData("111122223333.dkr.ecr-fips-fips.us-east-1.amazonaws.com/app", ImageRegistry.Other, null)]
    [InlineData("111122223333.dkr.ecr..amazonaws.com/app", ImageRegistry.Other, null)]
    [InlineData("11112222333a.dkr.ecr.us-east-1.amazonaws.com/app", ImageRegistry.Other, null)]
    [InlineData("\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661.dkr.ecr.us-east-1.amazonaws.com/app", ImageRegistry.Other, null)]
    public void EdgesOfTheHostName(string reference, ImageRegistry registry, string? region)
    {
        reference = Regex.Unescape(reference);
        var image = ContainerImage.Parse(reference);
        Assert.Equal((registry, region), (image.Registry, image.Region));
    }

    /// <summary>
    /// Property: on ASCII references built from the pieces of ECR host names (and near misses), the hand-written
    /// reading agrees with the regular expression it replaced. (The one deliberate difference is outside ASCII: .NET's
    /// <c>\d</c> also matches other scripts' digits, which no host name has.)
    /// </summary>
    [Fact]
    public void AgreesWithTheRegularExpressionOnGeneratedReferences()
    {
        // Each part of the host name: right forms first, then near misses.
        string[][] parts =
        [
            ["111122223333", "000000000000", "11112222333", "1111222233334", "11112222333a", ""],
            [".dkr.ecr", ".DKR.Ecr", ".dkr.ecr.", "dkr.ecr", ".dkr-ecr", ""],
            ["", "-fips", "-FIPS", "-fips-fips", "fips"],
            [".", "..", "", "-"],
            ["us-east-1", "EU-West-2", "cn-north-1", "us-gov-west-1", "x", "-", "us_east_1", "us.east", ""],
            [".amazonaws.com", ".AmazonAWS.COM", "amazonaws.com", ".amazonaws.co", ".amazonaws.com.", ""],
            ["", ".cn", ".CN", ".cn.cn", ".c"],
            ["/", "/app:1", ":1", "", "@sha256:00", "x/"],
        ];
        int[] rightForms = [2, 2, 3, 1, 4, 2, 3, 2];
        var random = new Random(11);
        var checkedEcr = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var text = new StringBuilder();
            for (var part = 0; part < parts.Length; part++)
            {
                // Mostly a right form, so that many references are images of ECR and the misses are near ones.
                var options = parts[part];
                text.Append(options[random.Next(random.Next(6) == 0 ? options.Length : rightForms[part])]);
            }

            var reference = text.ToString();
            var match = EcrImage().Match(reference);
            var expected = match.Success ? (ImageRegistry.Ecr, match.Groups["region"].Value.ToLowerInvariant()) : (ImageRegistry.Other, (string?)null);
            var image = ContainerImage.Parse(reference);
            Assert.True(expected == (image.Registry, image.Region), $"{reference}: expected {expected}, got {(image.Registry, image.Region)}");
            checkedEcr += match.Success ? 1 : 0;
        }

        Assert.True(checkedEcr is > 2_000 and < 18_000, $"only {checkedEcr} generated references were ECR images");
    }

    [GeneratedRegex(@"^\d{12}\.dkr\.ecr(-fips)?\.(?<region>[a-z0-9-]+)\.amazonaws\.com(\.cn)?/", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex EcrImage();
}
