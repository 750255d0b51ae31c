using FargateNetwork.Policies.Model;

namespace FargateNetwork.Policies.Reachability;

/// <summary>
/// Something a task reaches: an AWS service by its endpoint suffix (<c>ecr.api</c>), optionally in another Region
/// than the VPC's, the internet, or a fixed-egress CIDR block (an allow-listed partner).
/// </summary>
public sealed record Destination(string Name, string? Service, Cidr Block, string? Region = null)
{
    public static readonly Destination Internet = new("internet", null, Cidr.Any);

    public const string EcrApi = "ecr.api";
    public const string EcrDkr = "ecr.dkr";
    public const string S3 = "s3";
    public const string Logs = "logs";
    public const string SecretsManager = "secretsmanager";
    public const string Ssm = "ssm";
    public const string SsmMessages = "ssmmessages";
    public const string Ecs = "ecs";
    public const string EcsAgent = "ecs-agent";
    public const string EcsTelemetry = "ecs-telemetry";

    /// <summary>The AWS services the report shows for every task subnet, in a stable order.</summary>
    public static readonly IReadOnlyList<string> ReportedServices = [EcrApi, EcrDkr, S3, Logs, SecretsManager, Ssm, Ecs, EcsAgent, EcsTelemetry];

    public static Destination ForService(string service) => new(service, service, Cidr.Any);

    /// <summary>A service in another Region than the VPC's: VPC endpoints do not serve it.</summary>
    public static Destination ForService(string service, string region) => new($"{service} ({region})", service, Cidr.Any, region);

    public static Destination FixedEgress(Cidr block) => new(block.ToString(), null, block);

    public bool IsService => Service is not null;

    /// <summary>Traffic to public addresses whatever the routes: the internet, S3 (layers), another Region.</summary>
    public bool IsPublicBound => this == Internet || Service == S3 || Region is not null;
}
