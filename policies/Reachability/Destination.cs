using FargateNetwork.Policies.Model;

namespace FargateNetwork.Policies.Reachability;

/// <summary>
/// Something a task reaches: an AWS service by its endpoint suffix (<c>ecr.api</c>), optionally in another Region
/// than the VPC's, the internet, or a fixed-egress CIDR block (an allow-listed partner).
/// </summary>
public sealed record Destination(string Name, string? Service, Ipv4Cidr Block, string? Region = null)
{
    public static readonly Destination Internet = new("internet", null, Ipv4Cidr.Any);

    public const string EcrApi = AwsService.EcrApi;
    public const string EcrDkr = AwsService.EcrDkr;
    public const string S3 = AwsService.S3;
    public const string Logs = AwsService.Logs;
    public const string SecretsManager = AwsService.SecretsManager;
    public const string Ssm = AwsService.Ssm;
    public const string SsmMessages = AwsService.SsmMessages;
    public const string Ecs = AwsService.Ecs;
    public const string EcsAgent = AwsService.EcsAgent;
    public const string EcsTelemetry = AwsService.EcsTelemetry;

    /// <summary>The AWS services the report shows for every task subnet, in a stable order.</summary>
    public static readonly IReadOnlyList<string> ReportedServices = [EcrApi, EcrDkr, S3, Logs, SecretsManager, Ssm, Ecs, EcsAgent, EcsTelemetry];

    /// <summary>The destinations of the services tasks need, made once: every path lookup asks for them.</summary>
    private static readonly Dictionary<string, Destination> KnownServices =
        ReportedServices.Append(SsmMessages).ToDictionary(s => s, s => new Destination(s, s, Ipv4Cidr.Any), StringComparer.Ordinal);

    public static Destination ForService(string service) =>
        KnownServices.TryGetValue(service, out var known) ? known : new(service, service, Ipv4Cidr.Any);

    /// <summary>A service in another Region than the VPC's: VPC endpoints do not serve it.</summary>
    public static Destination ForService(string service, string region) => new($"{service} ({region})", service, Ipv4Cidr.Any, region);

    public static Destination FixedEgress(Ipv4Cidr block) => new(block.ToString(), null, block);

    public bool IsService => Service is not null;

    /// <summary>Traffic to public addresses whatever the routes: the internet, S3 (layers), another Region.</summary>
    public bool IsPublicBound => this == Internet || Service == S3 || Region is not null;
}
