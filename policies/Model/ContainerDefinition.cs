using System.Text.RegularExpressions;

namespace FargateNetwork.Policies.Model;

/// <summary>Where a container image comes from.</summary>
public enum ImageRegistry
{
    /// <summary>A private Amazon ECR repository (<c>ACCOUNT.dkr.ecr.REGION.amazonaws.com/...</c>).</summary>
    Ecr,

    /// <summary>Any other registry (Docker Hub, ECR Public, GHCR...): needs an internet path.</summary>
    Other,

    /// <summary>Not known (an unresolved reference or interpolation). Treated as ECR by the endpoint rules.</summary>
    Unknown,
}

/// <summary>What one container of a task definition needs from the network.</summary>
/// <param name="Image">The image reference when known.</param>
/// <param name="Registry">Where the image comes from.</param>
/// <param name="LogDriver"><c>logConfiguration.logDriver</c>.</param>
/// <param name="LogGroup"><c>logConfiguration.options.awslogs-group</c>.</param>
/// <param name="CreateLogGroup"><c>options.awslogs-create-group</c> (<c>"true"</c>); default false.</param>
/// <param name="SecretsManagerSecrets">Secrets and <c>repositoryCredentials</c> read from Secrets Manager.</param>
/// <param name="SsmParameters">Secrets read from SSM Parameter Store.</param>
/// <param name="SecretsUnknown">True when some <c>secrets[].valueFrom</c> is unknown.</param>
public sealed record ContainerDefinition(
    string Name,
    Fact<string> Image,
    ImageRegistry Registry,
    Fact<string> LogDriver,
    Fact<string> LogGroup,
    Fact<bool> CreateLogGroup,
    int SecretsManagerSecrets,
    int SsmParameters,
    bool SecretsUnknown)
{
    /// <summary>The Region of a private ECR image (<c>ACCOUNT.dkr.ecr.REGION.amazonaws.com</c>); null otherwise.</summary>
    public string? ImageRegion { get; init; }

    /// <summary>The Regions named by secret ARNs (<c>arn:PARTITION:secretsmanager:REGION:...</c>, SSM likewise).</summary>
    public IReadOnlyList<(string Service, string Region)> SecretRegions { get; init; } = [];

    /// <summary><c>logConfiguration.options.awslogs-region</c>.</summary>
    public Fact<string> LogRegion { get; init; }

    private static readonly Regex EcrImage = new(
        @"^\d{12}\.dkr\.ecr(-fips)?\.(?<region>[a-z0-9-]+)\.amazonaws\.com(\.cn)?/", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));

    /// <summary>The Region of a private ECR image reference; null for any other image.</summary>
    public static string? EcrRegion(Fact<string> image) =>
        image.IsKnown && EcrImage.Match(image.Value) is { Success: true } m ? m.Groups["region"].Value.ToLowerInvariant() : null;

    public bool UsesAwslogs => LogDriver.Is(d => d.Equals("awslogs", StringComparison.OrdinalIgnoreCase));

    /// <summary>Classifies an image reference. ECR Public (<c>public.ecr.aws</c>) needs internet egress.</summary>
    public static ImageRegistry Classify(Fact<string> image) =>
        !image.IsKnown ? ImageRegistry.Unknown :
        EcrImage.IsMatch(image.Value) ? ImageRegistry.Ecr : ImageRegistry.Other;
}
