using System.Globalization;
using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Model;
using FargateNetwork.Policies.Reachability;

namespace FargateNetwork.Policies.Rules;

/// <summary>
/// <c>interface-endpoint-private-dns</c> [mandatory]: where a service the tasks need has no path (<c>none</c>) because
/// its interface endpoint has private DNS off, or the VPC's <c>enableDnsHostnames</c>/<c>enableDnsSupport</c> is off,
/// the endpoint or the VPC is reported. Private DNS off is not a failure by itself: tasks with a NAT or
/// internet-gateway path reach the service's public name, and only one endpoint per service and VPC can hold the
/// private zone. An endpoint a task needs but does not use because its private DNS is off (the tasks go another way)
/// gets an advisory naming its monthly cost when the price table has the Region.
/// https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html (DNS attributes, one private
/// DNS per service) ; https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html
/// </summary>
public sealed class InterfaceEndpointPrivateDns : NetworkPolicy
{
    public const string Id = "interface-endpoint-private-dns";

    public InterfaceEndpointPrivateDns()
        : base(
            Id,
            "Interface endpoints tasks depend on resolve privately",
            "Where a service the tasks need has no path because its interface endpoint has privateDnsEnabled false or the VPC has enableDnsSupport/enableDnsHostnames false, the endpoint or VPC is reported; an endpoint left unused by its private DNS setting is advisory.",
            EnforcementLevel.Mandatory,
            PolicySchema.Empty())
    {
    }

    /// <summary>The services whose interface endpoints a task uses by their public name (private DNS).</summary>
    private static readonly HashSet<string> TaskServices =
    [
        Destination.EcrApi, Destination.EcrDkr, Destination.Logs, Destination.SecretsManager, Destination.Ssm,
        Destination.SsmMessages, Destination.Ecs, Destination.EcsAgent, Destination.EcsTelemetry,
    ];

    public override bool CanRemediate => true;

    /// <summary>
    /// At level <c>remediate</c>, one property fixes each case this policy reports: an interface endpoint of a service
    /// tasks use (<c>ecr.api</c>, <c>ecr.dkr</c>, <c>logs</c>, <c>secretsmanager</c>, <c>ssm</c>, <c>ssmmessages</c>,
    /// <c>ecs*</c>) gets <c>privateDnsEnabled: true</c>, and a VPC gets <c>enableDnsSupport</c> and
    /// <c>enableDnsHostnames</c> true (both are required for an endpoint's private DNS; AWS's own defaults for a new
    /// VPC are support on and hostnames off). An unknown value is left alone, and so is an endpoint of any other
    /// service (a partner's endpoint service has its own private DNS name to verify).
    /// https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html#interface-endpoint-dns-hostnames
    /// </summary>
    public override ObjectValue? RemediateResource(ResourceValidationArgs args)
    {
        var props = args.Props;
        switch (TypeToken.Canonical(args.Type))
        {
            case AwsTypes.VpcEndpoint:
                var service = props.Text("serviceName");
                if (!props.Text("vpcEndpointType").Is(t => t.Equals("Interface", StringComparison.OrdinalIgnoreCase))
                    || !service.Is(name => EndpointServiceName.TryParse(name, out var parsed) && TaskServices.Contains(parsed.Service))
                    || props.Bool("privateDnsEnabled").Is(on => on) || props.Bool("privateDnsEnabled").IsUnknown)
                {
                    return null;
                }

                return Remediation.With(args.Resource.Inputs, "privateDnsEnabled", new BoolValue(true));
            case AwsTypes.Vpc:
                var inputs = args.Resource.Inputs;
                foreach (var attribute in new[] { "enableDnsSupport", "enableDnsHostnames" })
                {
                    var value = props.Bool(attribute);
                    if (!value.IsUnknown && !value.Is(on => on))
                    {
                        inputs = Remediation.With(inputs, attribute, new BoolValue(true));
                    }
                }

                return ReferenceEquals(inputs, args.Resource.Inputs) ? null : inputs;
            default:
                return null;
        }
    }

    public override IEnumerable<Finding> Check(PolicyContext context, PolicySettings settings)
    {
        var reported = new HashSet<(object, string)>();
        var unused = new List<(VpcEndpoint Endpoint, TaskPlacement Placement, NetworkPath Path)>();
        foreach (var (placement, subnet) in context.TaskSubnets)
        {
            var needs = context.NeedsOf(placement);
            for (var n = 0; n < needs.Count; n++) // by index: no enumerator boxed per subnet
            {
                var need = needs[n];
                if (need.LocalService is not { } service || service == Destination.S3)
                {
                    continue;
                }

                var path = context.PathOf(placement, subnet, need);
                if (path.Reason == NoPathReason.VpcDnsOff && subnet.Vpc is { } off && reported.Add((off, "support")))
                {
                    yield return new Finding(off.Resource, $"VPC {off.Resource.Name} has enableDnsSupport false, so no name resolves in it and the tasks of {placement.Name} cannot reach {context.Describe(need)} (\"{need.Error}\"). Fix: set enableDnsSupport: true.");
                }
                else if (path.Reason == NoPathReason.PrivateDnsOff && path.Endpoint is { } endpoint)
                {
                    if (endpoint.PrivateDnsEnabled.Is(on => !on))
                    {
                        if (reported.Add((endpoint, "dns")))
                        {
                            yield return new Finding(
                                endpoint.Resource,
                                $"Interface endpoint {endpoint.Name} ({context.Describe(need)}) has privateDnsEnabled false (the provider's default), and the tasks of {placement.Name} in {subnet.Name} have no other way to the service: its default name resolves to public addresses and the task fails with \"{need.Error}\". Fix: set privateDnsEnabled: true.");
                        }
                    }
                    else if (subnet.Vpc is { } vpc && reported.Add((vpc, "hostnames")))
                    {
                        yield return new Finding(vpc.Resource, $"VPC {vpc.Resource.Name} has enableDnsHostnames false (the provider's default), so the private DNS of endpoint {endpoint.Name} does not apply and the tasks of {placement.Name} in {subnet.Name} cannot reach {context.Describe(need)} (\"{need.Error}\"). Fix: set enableDnsHostnames: true.");
                    }
                }
                else if (path.Reaches && path.Endpoint is null)
                {
                    // The tasks reach the service another way; an endpoint with private DNS off (and none of the VPC's
                    // endpoints of the service holding it) carries nothing of theirs.
                    AddUnused(context.Reachability.InterfaceEndpoints(subnet, service), placement, path, unused);
                }
            }
        }

        if (unused.Count == 0)
        {
            yield break; // the price table is read only for an advisory that names a price
        }

        // Only the Region's listed prices are named (never a guess); with no known Region, no figure.
        var prices = Prices.For(context.Model.Region);
        foreach (var (endpoint, placement, path) in unused)
        {
            if (!reported.Add((endpoint, "unused")) || reported.Contains((endpoint, "dns")))
            {
                continue;
            }

            var azs = endpoint.Subnets.Where(s => s.AvailabilityZone.IsKnown).Select(s => s.AvailabilityZone.Value).Distinct(StringComparer.Ordinal).Count();
            var cost = prices.Listed && azs > 0 && !endpoint.SubnetsUnknown
                ? string.Create(CultureInfo.InvariantCulture, $" It costs ${azs * Prices.HoursPerMonth * prices.InterfaceEndpointPerHour:F2}/month ({azs} AZ(s) at ${prices.InterfaceEndpointPerHour}/hour, {prices.Region} prices) plus data processing.")
                : string.Empty;
            yield return new Finding(
                endpoint.Resource,
                $"Interface endpoint {endpoint.Name} has privateDnsEnabled false, so the tasks of {placement.Name} do not use it: they reach the service through {path.Detail}.{cost} Fix: set privateDnsEnabled: true to keep that traffic in the VPC, or remove the endpoint if nothing calls its endpoint-specific DNS names.",
                AdvisoryOnly: true);
        }
    }

    /// <summary>
    /// The endpoints of <paramref name="candidates"/> with private DNS off, when none of them has it on (a loop, not a
    /// lambda: a lambda capturing the path made a closure for every need of every subnet, used or not).
    /// </summary>
    private static void AddUnused(IReadOnlyList<VpcEndpoint> candidates, TaskPlacement placement, NetworkPath path, List<(VpcEndpoint Endpoint, TaskPlacement Placement, NetworkPath Path)> unused)
    {
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates[i].PrivateDnsEnabled.Is(on => on))
            {
                return;
            }
        }

        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates[i].PrivateDnsEnabled.Is(on => !on))
            {
                unused.Add((candidates[i], placement, path));
            }
        }
    }
}
