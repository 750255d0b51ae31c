namespace FargateNetwork.Aws;

/// <summary>
/// A Fargate platform version as a task names it: <c>LATEST</c>, a version such as <c>1.4.0</c>, or not known to the
/// reader (<see cref="Unknown"/>, a preview's unknown value). The version decides which network interface fetches the
/// ECR auth token and the secrets: Fargate Linux platform version 1.3.0 and earlier fetched them over a Fargate-owned
/// network interface outside the task's VPC; from 1.4.0 (<c>LATEST</c>) the task ENI does.
/// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-version-migration.html (the endpoints a
/// migration to 1.4.0 adds: ecr.api, Secrets Manager, Systems Manager);
/// https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html ("platform version 1.3.0 or earlier only
/// require ... ecr.dkr ... and the Amazon S3 gateway").
/// </summary>
public readonly record struct PlatformVersion
{
    private readonly string? text;

    private PlatformVersion(string text) => this.text = text;

    /// <summary><c>LATEST</c> (1.4.0 today), what ECS runs when a task names no version.</summary>
    public static PlatformVersion Latest { get; } = new("LATEST");

    /// <summary>A version the reader cannot see.</summary>
    public static PlatformVersion Unknown => default;

    public static PlatformVersion Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new PlatformVersion(text);
    }

    public bool IsUnknown => text is null;

    public bool IsLatest => text?.Equals("LATEST", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>
    /// Whether Linux tasks of this version fetch the ECR auth token and the secrets through the task ENI: true for
    /// <c>LATEST</c> and 1.4.0 or later, false for 1.3.0 and earlier, null when the version is not known or not a
    /// version number.
    /// </summary>
    public bool? TaskEniFetchesSecrets =>
        IsUnknown ? null
        : IsLatest ? true
        : Version.TryParse(text, out var parsed) ? parsed >= new Version(1, 4, 0) : null;

    public override string ToString() => text ?? "unknown";
}
