using System.Globalization;
using System.Text.Json.Nodes;
using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Model;
using FargateNetwork.Policies.Reachability;
using FargateNetwork.Policies.Rules;
using FargateNetwork.Policies.Stack;

namespace FargateNetwork.Policies.Pack;

/// <summary>
/// The one entry point to the rules, shared by the offline <c>check</c> command and the analyzer gRPC server, so both
/// run one code path.
/// </summary>
public sealed class PolicyPack
{
    public const string PackName = "fargate-network";
    public const string PackVersion = "0.1.0";

    private static readonly IReadOnlyList<IPolicy> All =
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
    ];

    private readonly IReadOnlyDictionary<string, PolicySettings> settings;

    private PolicyPack(IReadOnlyDictionary<string, PolicySettings> settings) => this.settings = settings;

    /// <summary>Every policy with its defaults, in a stable order.</summary>
    public static IReadOnlyList<PolicyInfo> Policies { get; } = All.Select(p => p.Info).ToList();

    /// <summary>The effective settings of a policy (level and properties).</summary>
    public PolicySettings SettingsOf(string policy) => settings[policy];

    /// <summary>
    /// Parses a config in the shape of Pulumi's <c>--policy-pack-config</c>: per policy name, a level string or an
    /// object with <c>enforcementLevel</c> and properties; an <c>all</c> key sets every level. Null means defaults.
    /// Throws <see cref="PolicyConfigException"/> when invalid.
    /// </summary>
    public static PolicyPack Create(JsonObject? config) => new(PolicyConfig.Parse(config, All));

    /// <summary>Runs the resource-scoped policies on one resource.</summary>
    public IReadOnlyList<Violation> AnalyzeResource(StackResource resource) =>
        Run([resource], PolicyScope.Resource, out _);

    /// <summary>Runs the stack-scoped policies on the whole stack.</summary>
    public IReadOnlyList<Violation> AnalyzeStack(IReadOnlyList<StackResource> resources) =>
        Run(resources, PolicyScope.Stack, out _);

    /// <summary>
    /// The offline check: every enabled policy (resource- and stack-scoped) over the whole stack, plus the
    /// reachability rows of every subnet where tasks run.
    /// </summary>
    public Evaluation Evaluate(IReadOnlyList<StackResource> resources)
    {
        var violations = Run(resources, null, out var context);
        return new Evaluation(violations, Rows(context));
    }

    private List<Violation> Run(IReadOnlyList<StackResource> resources, PolicyScope? scope, out PolicyContext context)
    {
        context = new PolicyContext(NetworkModel.Build(resources), settings[PrivateFargateSubnetEndpoints.Name].Text("platformVersion") ?? "LATEST");
        var violations = new List<Violation>();
        foreach (var policy in All)
        {
            var policySettings = settings[policy.Info.Name];
            if (policySettings.Level == EnforcementLevel.Disabled || (scope is { } s && policy.Info.Scope != s))
            {
                continue;
            }

            var seen = new HashSet<(string, string)>();
            foreach (var finding in policy.Check(context, policySettings))
            {
                if (!seen.Add((finding.Resource.Urn, finding.Message)))
                {
                    continue;
                }

                var level = finding.AdvisoryOnly ? EnforcementLevel.Advisory : policySettings.Level;
                violations.Add(new Violation(policy.Info.Name, level, finding.Resource.Urn, finding.Resource.Type, finding.Resource.Name, finding.Message));
            }
        }

        return violations;
    }

    /// <summary>
    /// One row per task subnet and destination (the report's services, the internet, and the fixed-egress CIDRs).
    /// Rows of several placements in one subnet are merged when equal. The S3 row of a path through a NAT carries the
    /// image-pull estimate of <c>image-pulls-through-nat</c>, split evenly over the placement's subnets.
    /// </summary>
    private List<ReachabilityRow> Rows(PolicyContext context)
    {
        var pullSettings = settings[ImagePullsThroughNat.Name];
        var prices = ImagePullsThroughNat.PricesFor(context, pullSettings);
        var monthlyNatCost = ImagePullsThroughNat.MonthlyPullGb(pullSettings) * prices.NatGatewayPerGb;
        var fixedEgress = settings[FixedEgressThroughNat.Name].Cidrs("fixedEgressCidrs");
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

    /// <summary>The pack's policies as a readable list (for help texts).</summary>
    public static string Describe() =>
        string.Join(Environment.NewLine, Policies.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name} [{p.DefaultLevel.ToString().ToLowerInvariant()}]: {p.Description}")));
}
