using System.Text.RegularExpressions;

namespace FargateNetwork.Aws;

/// <summary>Where a container image comes from.</summary>
public enum ImageRegistry
{
    /// <summary>A private Amazon ECR repository (<c>ACCOUNT.dkr.ecr.REGION.amazonaws.com/...</c>).</summary>
    Ecr,

    /// <summary>Any other registry (Docker Hub, ECR Public, GHCR...): needs an internet path.</summary>
    Other,

    /// <summary>
    /// Not known (an unresolved reference or interpolation). Any registry other than ECR needs the internet, so an
    /// ECR path is the only one endpoints could give: the task needs are those of an ECR image.
    /// </summary>
    Unknown,
}

/// <summary>
/// A container image as far as the network is concerned: its registry, the Region of a private ECR repository, and
/// how a message shows it (<c>[secret]</c> for a Pulumi secret). ECR Public (<c>public.ecr.aws</c>) is another
/// registry: VPC endpoints do not serve it (https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html).
/// </summary>
/// <param name="Registry">Where the image comes from.</param>
/// <param name="Region">The Region of a private ECR repository; null for another registry or when not known.</param>
/// <param name="Shown">The image for a message.</param>
public sealed partial record ContainerImage(ImageRegistry Registry, string? Region, string Shown)
{
    /// <summary>An image the reader cannot see.</summary>
    public static ContainerImage Unknown { get; } = new(ImageRegistry.Unknown, null, "unknown");

    /// <summary>Classifies an image reference (<c>image</c> of a container definition).</summary>
    public static ContainerImage Parse(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return EcrImage().Match(reference) is { Success: true } match
            ? new ContainerImage(ImageRegistry.Ecr, match.Groups["region"].Value.ToLowerInvariant(), reference)
            : new ContainerImage(ImageRegistry.Other, null, reference);
    }

    [GeneratedRegex(@"^\d{12}\.dkr\.ecr(-fips)?\.(?<region>[a-z0-9-]+)\.amazonaws\.com(\.cn)?/", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EcrImage();
}
