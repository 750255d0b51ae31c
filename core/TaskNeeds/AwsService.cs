namespace FargateNetwork.Aws;

/// <summary>
/// The short names (the last part of <see cref="EndpointServiceName"/>) of the AWS services a task may need to start.
/// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/vpc-endpoints.html
/// </summary>
public static class AwsService
{
    /// <summary>The ECR API (the registry auth token).</summary>
    public const string EcrApi = "ecr.api";

    /// <summary>The ECR Docker Registry API (image manifests).</summary>
    public const string EcrDkr = "ecr.dkr";

    /// <summary>Amazon S3 (ECR image layers).</summary>
    public const string S3 = "s3";

    public const string Logs = "logs";
    public const string SecretsManager = "secretsmanager";
    public const string Ssm = "ssm";

    /// <summary>The SSM agent's session channel (ECS Exec).</summary>
    public const string SsmMessages = "ssmmessages";

    public const string Ecs = "ecs";
    public const string EcsAgent = "ecs-agent";
    public const string EcsTelemetry = "ecs-telemetry";
}
