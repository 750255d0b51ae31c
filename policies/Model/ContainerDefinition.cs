namespace FargateNetwork.Policies.Model;

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

    /// <summary>The Region of a private ECR image reference; null otherwise (<see cref="ContainerImage.Parse"/>).</summary>
    public static string? EcrRegion(Fact<string> image) => image.IsKnown ? ContainerImage.Parse(image.Value).Region : null;

    public bool UsesAwslogs => LogDriver.Is(d => d.Equals("awslogs", StringComparison.OrdinalIgnoreCase));

    /// <summary>Classifies an image reference (<see cref="ContainerImage.Parse"/>); unknown when the reference is.</summary>
    public static ImageRegistry Classify(Fact<string> image) => image.IsKnown ? ContainerImage.Parse(image.Value).Registry : ImageRegistry.Unknown;
}
