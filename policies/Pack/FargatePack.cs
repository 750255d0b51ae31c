using System.Text.Json.Nodes;
using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Model;
using FargateNetwork.Policies.Reachability;
using FargateNetwork.Policies.Report;
using FargateNetwork.Policies.Rules;

namespace FargateNetwork.Policies.Pack;

/// <summary>
/// The Fargate network pack: its StackRules definition (<see cref="Definition"/>, what the executable hosts and the
/// compiler evaluates), and a configured instance with the reachability rows the reports show. The offline
/// <c>check</c>, the analyzer server and the compiler's self-check all run this one code path.
/// </summary>
public sealed class FargatePack
{
    public const string PackName = "fargate-network";
    public const string PackVersion = "0.1.0";

    /// <summary>The pack as StackRules hosts it.</summary>
    public static PolicyPack Definition { get; } = new(
        PackName,
        PackVersion,
        [
            new PrivateFargateSubnetEndpoints(),
            new Ec2LaunchTypeEcsEndpoints(),
            new InterfaceEndpointPrivateDns(),
            new EndpointSecurityGroupAllowsHttps(),
            new EndpointInEveryTaskAz(),
            new NatGatewayInPublicSubnet(),
            new NoRouteToNatInOwnSubnet(),
            new FargatePublicIpMatchesSubnet(),
            new FixedEgressThroughNat(),
            new ImagePullsThroughNat(),
            new PrivateLinkNlbCoversTargetAzs(),
            new EndpointServiceRestrictsConsumers(),
            new AwslogsLogGroupExists(),
            new EcsEndpointPolicyUnsupported(),
        ])
    {
        DisplayName = "Fargate network",
        Description = "Fargate network policies: reachability of ECR, S3, CloudWatch Logs and the internet from ECS task subnets.",
        ReferenceKeys = AwsReferenceKeys.All,
        Report = new NetworkReport(),
    };

    /// <summary>How the pack links a preview's unknown ids to resources.</summary>
    public static DependencyReferences References { get; } = new(AwsReferenceKeys.All);

    private readonly ConfiguredPack configured;

    private FargatePack(ConfiguredPack configured) => this.configured = configured;

    /// <summary>Every policy with its defaults, in a stable order.</summary>
    public static IReadOnlyList<Policy> Policies => Definition.Policies;

    /// <summary>The effective settings of a policy (level and properties).</summary>
    public PolicySettings SettingsOf(string policy) => configured.SettingsOf(policy);

    /// <summary>
    /// Parses a config in the shape of Pulumi's <c>--policy-pack-config</c>: per policy name, a level string or an
    /// object with <c>enforcementLevel</c> and properties; an <c>all</c> key sets every level. Null means defaults.
    /// Throws <see cref="PolicyConfigException"/> when invalid.
    /// </summary>
    public static FargatePack Create(JsonObject? config) => new(Definition.Configure(config));

    /// <summary>Runs the resource-scoped policies on one resource.</summary>
    public IReadOnlyList<Violation> AnalyzeResource(StackResource resource) => configured.AnalyzeResource(resource);

    /// <summary>Runs the stack-scoped policies on the whole stack.</summary>
    public IReadOnlyList<Violation> AnalyzeStack(IReadOnlyList<StackResource> resources) => configured.AnalyzeStack(resources);

    /// <summary>
    /// The offline check: every enabled policy (resource- and stack-scoped) over the whole stack, plus the
    /// reachability rows of every subnet where tasks run.
    /// </summary>
    public Evaluation Evaluate(IReadOnlyList<StackResource> resources)
    {
        var evaluation = configured.Evaluate(resources);
        return new Evaluation(evaluation.Violations, Rows(evaluation));
    }

    /// <summary>The reachability rows of an evaluation (what the reports show).</summary>
    internal static List<ReachabilityRow> Rows(PackEvaluation evaluation) =>
        Rows(evaluation.Use(FargateNetworkExtension.Network), p => evaluation.SettingsOf(p) ?? Definition.Defaults().SettingsOf(p));

    /// <summary>
    /// One row per task subnet and destination (the report's services, the internet, and the fixed-egress CIDRs).
    /// Rows of several placements in one subnet are merged when equal. The S3 row of a path through a NAT carries the
    /// image-pull estimate of <c>image-pulls-through-nat</c>, split evenly over the placement's subnets.
    /// </summary>
    private static List<ReachabilityRow> Rows(PolicyContext context, Func<string, PolicySettings> settingsOf)
    {
        var pullSettings = settingsOf(ImagePullsThroughNat.Id);
        var prices = ImagePullsThroughNat.PricesFor(context, pullSettings);
        var monthlyNatCost = ImagePullsThroughNat.MonthlyPullGb(pullSettings) * prices.NatGatewayPerGb;
        var fixedEgress = settingsOf(FixedEgressThroughNat.Id).Cidrs("fixedEgressCidrs");
        var rows = new List<ReachabilityRow>();
        var seen = new HashSet<ReachabilityRow>();
        foreach (var placement in context.Model.Placements)
        {
            if (placement.LaunchType == LaunchType.External)
            {
                continue;
            }

            var pullsFromEcr = ImagePullsThroughNat.PulledServices(context, placement).Contains(Destination.S3);

            // The services every report shows, then the needs beyond them (ssmmessages for Exec, another Region's
            // services: their path is the internet path).
            var destinations = Destination.ReportedServices.Select(Destination.ForService).Append(Destination.Internet).ToList();
            destinations.AddRange(context.NeedsOf(placement).Select(n => n.Destination).Where(d => !destinations.Contains(d)));
            var inferred = placement.Subnets
                .Select(s => context.Model.RouteTableOf(s, out _))
                .Where(t => t is not null)
                .SelectMany(t => t!.Routes)
                .Where(r => r.Target == RouteTargetKind.NatGateway && r.Destination.IsKnown && !r.Destination.IsSecret && r.Destination.Value.PrefixLength > 0)
                .Select(r => r.Destination.Value);
            destinations.AddRange(fixedEgress.Concat(inferred).Distinct().Select(Destination.FixedEgress));
            foreach (var subnet in placement.Subnets)
            {
                foreach (var destination in destinations)
                {
                    var path = context.Reachability.Find(placement, subnet, destination);
                    decimal? cost = destination.Service == Destination.S3 && destination.Region is null && path.Kind == PathKind.NatGateway && pullsFromEcr
                        ? Math.Round((decimal)(monthlyNatCost / placement.Subnets.Count), 2)
                        : null;
                    var row = new ReachabilityRow(
                        subnet.Resource.Urn,
                        subnet.Name,
                        subnet.AvailabilityZone.IsKnown ? subnet.AvailabilityZone.Shown : null,
                        destination.Name,
                        path.KindName,
                        path.Via?.Urn,
                        path.Detail,
                        cost);
                    if (seen.Add(row))
                    {
                        rows.Add(row);
                    }
                }
            }
        }

        return rows;
    }
}
