using System.Text.RegularExpressions;

namespace FargateNetwork.Infra;

/// <summary>
/// Turns raw stack config into a validated <see cref="NetworkConfig"/>, or a <see cref="ConfigError"/> listing every
/// problem of the stack (each naming the key, the rule and the fix). Keys are read independently; a rule that ties
/// two keys together runs only when both were read. Defaults live at the properties of the config records.
/// </summary>
internal sealed partial class ConfigReader
{
    public const string Namespace = "fargate-network";
    public const string RegionKey = "aws:region";

    public static readonly string[] Keys =
        ["topology", "vpcCidr", "availabilityZones", "fixedEgress", "workload", "privateLink", "extraEndpoints", "tags"];

    private readonly ConfigSource source;

    /// <param name="raw">Full keys (<c>fargate-network:topology</c>, <c>aws:region</c>) to raw values; unknown namespaces are ignored.</param>
    /// <param name="file">The stack file the values came from, named in errors (null in run mode).</param>
    /// <param name="configRoots">How the template refers to each project key (<c>tags</c>, or the full key when its namespace is not the project's).</param>
    public ConfigReader(IReadOnlyDictionary<string, string?> raw, string? file = null, IReadOnlyDictionary<string, string>? configRoots = null)
    {
        source = new ConfigSource(raw, file);
        ConfigRoots = configRoots ?? new Dictionary<string, string>();
    }

    private IReadOnlyDictionary<string, string> ConfigRoots { get; }

    /// <summary>Warnings found while reading (placeholders, default quotas), each one line.</summary>
    public IReadOnlyList<string> Warnings => source.Warnings;

    public NetworkConfig Read()
    {
        foreach (var key in source.Raw.Keys.Where(k => k.StartsWith(Namespace + ":", StringComparison.Ordinal)))
        {
            var name = key[(Namespace.Length + 1)..];
            if (!Keys.Contains(name))
            {
                source.Report(key, "is not a known key", KeySuggestion.Fix(name, Keys, Namespace + ":"));
            }
        }

        var region = source.Try(ReadRegion, null);
        var topology = source.Try(() => (Topology?)ReadTopology(), null);
        var vpcCidr = source.Try(() => (Ipv4Cidr?)ReadVpcCidr(), null);
        var zones = source.Try(() => ReadAvailabilityZones(region), null);
        var fixedEgress = FixedEgressReader.Read(source, topology, vpcCidr, zones?.Count);
        var workload = WorkloadReader.Read(source, region);
        var privateLink = PrivateLinkReader.Read(source, topology, workload);
        var extra = source.Try(() => ReadExtraEndpoints(topology), null);
        var tags = TagReader.Read(source, ConfigRoots.TryGetValue("tags", out var root) ? root : "tags");

        if (source.Problems.Count > 0 || region is null || topology is null || vpcCidr is null || zones is null || workload is null || privateLink is null || extra is null || tags is null)
        {
            throw new ConfigError(source.Problems);
        }

        var config = new NetworkConfig
        {
            Region = region,
            Topology = topology.Value,
            VpcCidr = vpcCidr.Value,
            AvailabilityZones = zones,
            FixedEgress = fixedEgress,
            Workload = workload,
            PrivateLink = privateLink,
            ExtraEndpoints = extra,
            Tags = tags,
        };

        // Interface and Gateway Load Balancer endpoints per VPC: default quota 50, adjustable
        // (https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-limits-endpoints.html). A warning, not an error: the
        // account may have a raised quota.
        var interfaceEndpoints = EndpointServices.Interface(config).Count;
        if (interfaceEndpoints > DefaultInterfaceEndpointQuota)
        {
            source.Warn(ConfigSource.Full("extraEndpoints"), $"the stack has {interfaceEndpoints} interface endpoints, more than the default quota of {DefaultInterfaceEndpointQuota} per VPC; deployment fails unless the account's quota (Service Quotas L-29B6F2EB) was raised");
        }

        return config;
    }

    public const int DefaultInterfaceEndpointQuota = 50;

    private string ReadRegion()
    {
        var region = source.Text(RegionKey) ?? throw source.Error(RegionKey, "is required (not set)", "set the AWS region, e.g. `pulumi config set aws:region ap-northeast-1`");
        return RegionName().IsMatch(region)
            ? region
            : throw source.Error(RegionKey, "is not an AWS region name (two letters, a dash, an area, a dash and a digit, e.g. ap-northeast-1)", "use a name such as ap-northeast-1 or us-east-1");
    }

    private Topology ReadTopology()
    {
        var key = ConfigSource.Full("topology");
        return source.Text(key) switch
        {
            null => NetworkConfig.DefaultTopology,
            "public-nat-egress" => Topology.PublicNatEgress,
            "private-endpoints" => Topology.PrivateEndpoints,
            _ => throw source.Error(key, "is not a topology", "use public-nat-egress or private-endpoints"),
        };
    }

    private Ipv4Cidr ReadVpcCidr()
    {
        var key = ConfigSource.Full("vpcCidr");
        var text = source.Text(key);
        if (text is null)
        {
            return NetworkConfig.DefaultVpcCidr;
        }

        var cidr = source.Cidr(key, text);
        // AWS allows VPC blocks from /16 to /28 (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html).
        if (cidr.PrefixLength < 16)
        {
            throw source.Error(key, "is larger than AWS allows for a VPC (/16 at most)", "use a prefix length of /16 to /24, e.g. 10.0.0.0/16", cidr.ToString());
        }

        if (cidr.PrefixLength > SubnetPlan.SmallestVpcPrefix)
        {
            throw source.Error(key, $"is too small for the subnet plan (public subnets are /{cidr.PrefixLength + 4}, AWS's smallest subnet is /28)", $"use a prefix length of /16 to /{SubnetPlan.SmallestVpcPrefix}", cidr.ToString());
        }

        return cidr;
    }

    private List<string> ReadAvailabilityZones(string? region)
    {
        var key = ConfigSource.Full("availabilityZones");
        var example = region is null ? "[\"ap-northeast-1a\", \"ap-northeast-1c\"]" : $"[\"{region}a\", \"{region}c\"]";
        var node = source.Json(key) ?? throw source.Error(key, "is required (not set)", $"list 1 to {SubnetPlan.MaxAvailabilityZones} AZ names of aws:region, e.g. {example}");
        var zones = source.StringList(key, node);
        if (zones.Count == 0 || zones.Count > SubnetPlan.MaxAvailabilityZones)
        {
            throw source.Error(key, $"must list 1 to {SubnetPlan.MaxAvailabilityZones} availability zones", $"list AZ names of aws:region, e.g. {example}");
        }

        var problems = new List<ConfigProblem>();
        foreach (var zone in zones)
        {
            // An AZ name is the region name plus one letter (ap-northeast-1a). Local Zones are not supported.
            if (!ZoneName().IsMatch(zone))
            {
                problems.Add(new(key, "lists a name that is not an availability zone name (a Region name plus one letter, e.g. ap-northeast-1a)", $"use names such as {example}", source.File));
            }
            else if (region is not null && (zone.Length != region.Length + 1 || !zone.StartsWith(region, StringComparison.Ordinal)))
            {
                problems.Add(new(key, $"is not an availability zone of aws:region {region}", $"use names such as {region}a, or change aws:region", source.File, zone));
            }
        }

        if (problems.Count > 0)
        {
            throw new ConfigError(problems);
        }

        if (zones.Distinct().Count() != zones.Count)
        {
            throw source.Error(key, "names an availability zone twice", "list each AZ once");
        }

        return zones;
    }

    private List<string> ReadExtraEndpoints(Topology? topology)
    {
        var key = ConfigSource.Full("extraEndpoints");
        var node = source.Json(key);
        if (node is null)
        {
            return [];
        }

        var names = source.StringList(key, node);
        if (names.Count > 0 && topology == Topology.PublicNatEgress)
        {
            throw source.Error(key, "only applies to topology private-endpoints (public-nat-egress tasks reach AWS services through the internet gateway)", $"remove {key}, or use topology private-endpoints");
        }

        foreach (var name in names)
        {
            if (!EndpointShortName().IsMatch(name))
            {
                throw source.Error(key, "lists a name that is not an endpoint service short name (lowercase letters and digits, separated by . or -)", "use names such as sts, xray or kms (the part after com.amazonaws.<region>.)");
            }

            if (name == "s3")
            {
                throw source.Error(key, "lists s3, which is already a gateway endpoint (S3 interface endpoints cannot serve ECR layer pulls)", "remove s3 from the list");
            }
        }

        return names.Distinct().ToList();
    }

    // \z, never $: .NET's $ also matches before a final newline, so "ap-northeast-1\n" would pass.
    [GeneratedRegex(@"\A[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d\z")]
    private static partial Regex RegionName();

    [GeneratedRegex(@"\A[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d[a-z]\z")]
    private static partial Regex ZoneName();

    [GeneratedRegex(@"\A[a-z0-9]{1,63}([.-][a-z0-9]{1,63}){0,7}\z")]
    private static partial Regex EndpointShortName();
}
