using System.Buffers;

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
public sealed record ContainerImage(ImageRegistry Registry, string? Region, string Shown)
{
    /// <summary>An image the reader cannot see.</summary>
    public static ContainerImage Unknown { get; } = new(ImageRegistry.Unknown, null, "unknown");

    /// <summary>
    /// The Region this thread read last, lower-case: the images of a stack name one Region or a few, so its string is
    /// made once, not once per container.
    /// </summary>
    [ThreadStatic]
    private static string? lastRegion;

    private static readonly SearchValues<char> RegionCharacters = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-");

    /// <summary>Classifies an image reference (<c>image</c> of a container definition).</summary>
    public static ContainerImage Parse(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return EcrRegionOf(reference) is { } region
            ? new ContainerImage(ImageRegistry.Ecr, region, reference)
            : new ContainerImage(ImageRegistry.Other, null, reference);
    }

    /// <summary>
    /// The Region, lower-case, of a private ECR image reference: <c>ACCOUNT.dkr.ecr[-fips].REGION.amazonaws.com[.cn]/</c>
    /// at its start, ACCOUNT twelve digits, case ignored
    /// (https://docs.aws.amazon.com/AmazonECR/latest/userguide/Registries.html); null for any other reference. Read
    /// by hand, without a regular expression's match objects: every container of every task definition is classified.
    /// A host name is ASCII, so only ASCII digits and letters count.
    /// </summary>
    private static string? EcrRegionOf(ReadOnlySpan<char> text)
    {
        const int AccountDigits = 12;
        if (text.Length <= AccountDigits || text[..AccountDigits].ContainsAnyExceptInRange('0', '9'))
        {
            return null;
        }

        var rest = text[AccountDigits..];
        if (!Skip(ref rest, ".dkr.ecr"))
        {
            return null;
        }

        Skip(ref rest, "-fips");
        if (!Skip(ref rest, "."))
        {
            return null;
        }

        var length = rest.IndexOfAnyExcept(RegionCharacters);
        if (length <= 0)
        {
            return null;
        }

        var region = rest[..length];
        rest = rest[length..];
        if (!Skip(ref rest, ".amazonaws.com"))
        {
            return null;
        }

        Skip(ref rest, ".cn");
        if (!rest.StartsWith('/'))
        {
            return null;
        }

        // The Region's characters are ASCII: equal ignoring case is equal once lower-cased.
        return lastRegion is { } last && region.Equals(last, StringComparison.OrdinalIgnoreCase)
            ? last
            : lastRegion = region.ToString().ToLowerInvariant();
    }

    /// <summary>Moves past <paramref name="prefix"/> (ASCII, case ignored) when <paramref name="text"/> starts with it.</summary>
    private static bool Skip(ref ReadOnlySpan<char> text, string prefix)
    {
        if (!text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        text = text[prefix.Length..];
        return true;
    }
}
