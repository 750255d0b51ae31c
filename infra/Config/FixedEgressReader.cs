using System.Text.RegularExpressions;

namespace FargateNetwork.Infra;

/// <summary>Reads <c>fargate-network:fixedEgress</c> into a <see cref="FixedEgress"/> (null when not set).</summary>
internal static partial class FixedEgressReader
{
    private static readonly Ipv4Cidr[] DocumentationRanges = [Ipv4Cidr.Create(0xC0000200, 24), Ipv4Cidr.Create(0xC6336400, 24), Ipv4Cidr.Create(0xCB007100, 24)];

    private static readonly string[] Fields = ["destinations", "natGateways", "elasticIpAllocationIds"];

    /// <param name="zoneCount">The number of AZs (null when they could not be read): perAz needs one EIP per AZ.</param>
    public static FixedEgress? Read(ConfigSource source, Topology? topology, Ipv4Cidr? vpcCidr, int? zoneCount)
    {
        var key = ConfigSource.Full("fixedEgress");
        var node = source.Try(() => source.Json(key), null);
        if (node is null)
        {
            if (topology == Topology.PublicNatEgress && source.Text(key) is null)
            {
                source.Report(key, "is required for topology public-nat-egress (routing the allow-listed destinations to a NAT is its whole point)", $"set {key} to {{\"destinations\": [\"<partner CIDR>\"], \"natGateways\": \"single\"}}, or use topology private-endpoints");
            }

            return null;
        }

        var obj = source.Try(() => source.Object(key, node, Fields), null);
        if (obj is null)
        {
            return null;
        }

        var destinations = source.Try(() => Destinations(source, key + ".destinations", obj["destinations"], vpcCidr), null);
        var strategy = source.Try(
            () => obj["natGateways"] is { } n
                ? source.Scalar(key + ".natGateways", n) switch
                {
                    "single" => NatGatewayStrategy.Single,
                    "perAz" => NatGatewayStrategy.PerAz,
                    _ => throw source.Error(key + ".natGateways", "is not a NAT gateway strategy", "use single or perAz"),
                }
                : new FixedEgress { Destinations = [] }.NatGateways,
            (NatGatewayStrategy?)null);
        var allocations = source.Try(() => Allocations(source, key + ".elasticIpAllocationIds", obj["elasticIpAllocationIds"], strategy, zoneCount), null);
        return destinations is null || strategy is null || allocations is null
            ? null
            : new FixedEgress { Destinations = destinations, NatGateways = strategy.Value, ElasticIpAllocationIds = allocations };
    }

    private static List<Ipv4Cidr> Destinations(ConfigSource source, string key, System.Text.Json.Nodes.JsonNode? node, Ipv4Cidr? vpcCidr)
    {
        var texts = node is null ? [] : source.StringList(key, node);
        if (texts.Count == 0)
        {
            throw source.Error(key, "must list at least one destination CIDR", "list the CIDRs of the IP-allow-listed services, e.g. [\"<partner address>/32\"]");
        }

        var cidrs = new List<Ipv4Cidr>();
        foreach (var text in texts)
        {
            var cidr = source.Cidr(key, text);
            if (vpcCidr is { } vpc && cidr.Overlaps(vpc))
            {
                throw source.Error(key, $"overlaps the VPC CIDR {vpc} (such a route would be rejected or would hijack VPC traffic)", "list only external CIDRs, or change fargate-network:vpcCidr", cidr.ToString());
            }

            if (cidr.PrefixLength == 0)
            {
                throw source.Error(key, "routes all traffic to the NAT, which defeats the design", "list only the allow-listed services' CIDRs", cidr.ToString());
            }

            if (cidrs.Any(c => c.Overlaps(cidr)))
            {
                throw source.Error(key, "overlaps another destination", "list each CIDR once, without overlaps", cidr.ToString());
            }

            // RFC 5737 reserves these three blocks for documentation; no partner service lives there.
            if (DocumentationRanges.Any(r => r.Contains(cidr)))
            {
                source.Warn(key, $"{cidr} is a documentation-only range (RFC 5737: 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24), a placeholder: the NAT gateway would be billed but reach nothing; put the CIDRs of your IP-allow-listed partner services there");
            }

            cidrs.Add(cidr);
        }

        return cidrs;
    }

    /// <summary>Existing Elastic IPs to use: none, or exactly one <c>eipalloc-</c> id per NAT gateway.</summary>
    private static List<string> Allocations(ConfigSource source, string key, System.Text.Json.Nodes.JsonNode? node, NatGatewayStrategy? strategy, int? zoneCount)
    {
        if (node is null)
        {
            return [];
        }

        var ids = source.StringList(key, node);
        foreach (var id in ids)
        {
            if (!AllocationId().IsMatch(id))
            {
                throw source.Error(key, "lists a value that is not an Elastic IP allocation id (eipalloc- and 8 or 17 hex digits)", "copy the Allocation ID from `aws ec2 describe-addresses`, e.g. eipalloc-0123456789abcdef0");
            }
        }

        if (ids.Distinct().Count() != ids.Count)
        {
            throw source.Error(key, "names an allocation twice (each NAT gateway needs its own Elastic IP)", "list each allocation id once");
        }

        int? nats = strategy == NatGatewayStrategy.Single ? 1 : strategy == NatGatewayStrategy.PerAz ? zoneCount : null;
        if (nats is { } count && ids.Count != count)
        {
            throw source.Error(key, $"lists {ids.Count} allocation ids, but the stack has {count} NAT gateway(s) (natGateways {(strategy == NatGatewayStrategy.Single ? "single" : "perAz")})", $"list exactly {count}, in the order of availabilityZones, or remove the key to let the stack allocate them");
        }

        return ids;
    }

    [GeneratedRegex(@"\Aeipalloc-([0-9a-f]{8}|[0-9a-f]{17})\z")]
    private static partial Regex AllocationId();
}
