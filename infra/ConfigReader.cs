using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FargateNetwork.Infra;

/// <summary>
/// Turns raw stack config (full key → string, structured values as JSON text, as Pulumi passes them in
/// <c>PULUMI_CONFIG</c>) into a validated <see cref="NetworkConfig"/>. Every failure is a <see cref="ConfigError"/>
/// naming the key, the value and the fix.
/// </summary>
internal sealed partial class ConfigReader
{
    public const string Namespace = "fargate-network";
    public const string RegionKey = "aws:region";

    private static readonly string[] Keys =
        ["topology", "vpcCidr", "availabilityZones", "fixedEgress", "workload", "privateLink", "extraEndpoints", "tags"];

    private readonly IReadOnlyDictionary<string, string?> raw;
    private readonly string? file;

    /// <param name="raw">Full keys (<c>fargate-network:topology</c>, <c>aws:region</c>) to raw values; unknown namespaces are ignored.</param>
    /// <param name="file">The stack file the values came from, named in errors (null in run mode).</param>
    public ConfigReader(IReadOnlyDictionary<string, string?> raw, string? file = null)
    {
        this.raw = raw;
        this.file = file;
    }

    public NetworkConfig Read()
    {
        foreach (var key in raw.Keys.Where(k => k.StartsWith(Namespace + ":", StringComparison.Ordinal)))
        {
            var name = key[(Namespace.Length + 1)..];
            if (!Keys.Contains(name))
            {
                throw Error(key, raw[key], "is not a known key", $"use one of {string.Join(", ", Keys.Select(k => Namespace + ":" + k))}");
            }
        }

        var region = Text(RegionKey) ?? throw Error(RegionKey, null, "is required", "set the AWS region, e.g. `pulumi config set aws:region ap-northeast-1`");
        if (!RegionName().IsMatch(region))
        {
            throw Error(RegionKey, region, "is not an AWS region name", "use a name such as ap-northeast-1 or us-east-1");
        }

        var topology = ReadTopology();
        var vpcCidr = ReadVpcCidr();
        var zones = ReadAvailabilityZones(region);
        var fixedEgress = ReadFixedEgress(topology, vpcCidr);
        var workload = ReadWorkload();
        var privateLink = ReadPrivateLink(topology, workload);
        var extra = ReadExtraEndpoints(topology);
        var tags = ReadTags();

        return new NetworkConfig
        {
            Region = region,
            Topology = topology,
            VpcCidr = vpcCidr,
            AvailabilityZones = zones,
            FixedEgress = fixedEgress,
            Workload = workload,
            PrivateLink = privateLink,
            ExtraEndpoints = extra,
            Tags = tags,
        };
    }

    private Topology ReadTopology()
    {
        var key = Full("topology");
        return Text(key) switch
        {
            "public-nat-egress" => Topology.PublicNatEgress,
            "private-endpoints" => Topology.PrivateEndpoints,
            null => throw Error(key, null, "is required", $"set it to public-nat-egress or private-endpoints (`pulumi config set {key} private-endpoints`)"),
            var other => throw Error(key, other, "is not a topology", "use public-nat-egress or private-endpoints"),
        };
    }

    private Ipv4Cidr ReadVpcCidr()
    {
        var key = Full("vpcCidr");
        var text = Text(key);
        if (text is null)
        {
            return NetworkConfig.DefaultVpcCidr;
        }

        var cidr = ParseCidr(key, text);
        // AWS allows VPC blocks from /16 to /28 (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html).
        if (cidr.PrefixLength < 16)
        {
            throw Error(key, text, "is larger than AWS allows for a VPC (/16 at most)", "use a prefix length of /16 to /24, e.g. 10.0.0.0/16");
        }

        if (cidr.PrefixLength > SubnetPlan.SmallestVpcPrefix)
        {
            throw Error(key, text, $"is too small for the subnet plan (public subnets are /{cidr.PrefixLength + 4}, AWS's smallest subnet is /28)", $"use a prefix length of /16 to /{SubnetPlan.SmallestVpcPrefix}");
        }

        return cidr;
    }

    private List<string> ReadAvailabilityZones(string region)
    {
        var key = Full("availabilityZones");
        var node = Json(key);
        if (node is null)
        {
            throw Error(key, null, "is required", $"list 1 to {SubnetPlan.MaxAvailabilityZones} AZ names of {region}, e.g. [\"{region}a\", \"{region}c\"]");
        }

        var zones = StringList(key, node);
        if (zones.Count == 0 || zones.Count > SubnetPlan.MaxAvailabilityZones)
        {
            throw Error(key, node.ToJsonString(), $"must list 1 to {SubnetPlan.MaxAvailabilityZones} availability zones", $"list AZ names of {region}, e.g. [\"{region}a\", \"{region}c\"]");
        }

        foreach (var zone in zones)
        {
            // An AZ name is the region name plus one letter (ap-northeast-1a). Local Zones are not supported.
            if (zone.Length != region.Length + 1 || !zone.StartsWith(region, StringComparison.Ordinal) || !char.IsAsciiLetterLower(zone[^1]))
            {
                throw Error(key, zone, $"is not an availability zone of aws:region {region}", $"use names such as {region}a, or change aws:region");
            }
        }

        if (zones.Distinct().Count() != zones.Count)
        {
            throw Error(key, node.ToJsonString(), "names an availability zone twice", "list each AZ once");
        }

        return zones;
    }

    private FixedEgress? ReadFixedEgress(Topology topology, Ipv4Cidr vpcCidr)
    {
        var key = Full("fixedEgress");
        var node = Json(key);
        if (node is null)
        {
            if (topology == Topology.PublicNatEgress)
            {
                throw Error(key, null, "is required for topology public-nat-egress (routing the allow-listed destinations to a NAT is its whole point)", $"set {key} to {{\"destinations\": [\"203.0.113.0/24\"], \"natGateways\": \"single\"}}, or use topology private-endpoints");
            }

            return null;
        }

        var obj = Object(key, node, ["destinations", "natGateways"]);
        var destKey = key + ".destinations";
        var destinations = obj["destinations"] is { } d ? StringList(destKey, d) : [];
        if (destinations.Count == 0)
        {
            throw Error(destKey, obj["destinations"]?.ToJsonString(), "must list at least one destination CIDR", "list the CIDRs of the IP-allow-listed services, e.g. [\"203.0.113.10/32\"]");
        }

        var cidrs = new List<Ipv4Cidr>();
        foreach (var text in destinations)
        {
            var cidr = ParseCidr(destKey, text);
            if (cidr.Overlaps(vpcCidr))
            {
                throw Error(destKey, text, $"overlaps the VPC CIDR {vpcCidr} (such a route would be rejected or would hijack VPC traffic)", "list only external CIDRs, or change fargate-network:vpcCidr");
            }

            if (cidr.PrefixLength == 0)
            {
                throw Error(destKey, text, "routes all traffic to the NAT, which defeats the design", "list only the allow-listed services' CIDRs");
            }

            if (cidrs.Any(c => c.Overlaps(cidr)))
            {
                throw Error(destKey, text, "overlaps another destination", "list each CIDR once, without overlaps");
            }

            cidrs.Add(cidr);
        }

        var natKey = key + ".natGateways";
        var nat = obj["natGateways"] is { } n ? Scalar(natKey, n) : "single";
        var strategy = nat switch
        {
            "single" => NatGatewayStrategy.Single,
            "perAz" => NatGatewayStrategy.PerAz,
            _ => throw Error(natKey, nat, "is not a NAT gateway strategy", "use single or perAz"),
        };

        return new FixedEgress { Destinations = cidrs, NatGateways = strategy };
    }

    private Workload ReadWorkload()
    {
        var key = Full("workload");
        var node = Json(key) ?? throw Error(key, null, "is required", $"set at least the image: {key} = {{\"image\": \"<account>.dkr.ecr.<region>.amazonaws.com/app:1.0\"}}");
        var obj = Object(key, node, ["kind", "schedule", "image", "cpu", "memory", "port", "desiredCount", "platformVersion", "secrets", "enableExecuteCommand"]);

        var kindText = obj["kind"] is { } k ? Scalar(key + ".kind", k) : "service";
        var kind = kindText switch
        {
            "service" => WorkloadKind.Service,
            "scheduled" => WorkloadKind.Scheduled,
            _ => throw Error(key + ".kind", kindText, "is not a workload kind", "use service or scheduled"),
        };

        var schedule = obj["schedule"] is { } s ? Scalar(key + ".schedule", s) : null;
        if (kind == WorkloadKind.Scheduled)
        {
            if (schedule is null)
            {
                throw Error(key + ".schedule", null, "is required for a scheduled workload", "set an EventBridge schedule expression such as rate(10 minutes)");
            }

            if (!ScheduleExpression().IsMatch(schedule))
            {
                throw Error(key + ".schedule", schedule, "is not an EventBridge schedule expression", "use rate(10 minutes), rate(1 hour) or cron(0/10 * * * ? *)");
            }
        }
        else if (schedule is not null)
        {
            throw Error(key + ".schedule", schedule, "only applies to kind scheduled", "remove it or set kind to scheduled");
        }

        var image = obj["image"] is { } i ? Scalar(key + ".image", i) : null;
        if (string.IsNullOrWhiteSpace(image) || image.Any(char.IsWhiteSpace))
        {
            throw Error(key + ".image", image, "must be a container image reference", "set an image such as 123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/app:1.0");
        }

        var cpu = obj["cpu"] is { } c ? Int(key + ".cpu", c) : 256;
        if (!FargateTaskSize.IsValidCpu(cpu))
        {
            throw Error(key + ".cpu", cpu.ToString(CultureInfo.InvariantCulture), "is not a Fargate task CPU size", $"use one of {string.Join(", ", FargateTaskSize.CpuValues)}");
        }

        var memory = obj["memory"] is { } m ? Int(key + ".memory", m) : 512;
        if (!FargateTaskSize.IsValid(cpu, memory))
        {
            throw Error(key + ".memory", memory.ToString(CultureInfo.InvariantCulture), $"is not a memory size Fargate allows with cpu {cpu}", $"use {FargateTaskSize.AllowedMemory(cpu)} MiB, or another cpu");
        }

        int? port = obj["port"] is { } p ? Int(key + ".port", p) : null;
        if (port is < 1 or > 65535)
        {
            throw Error(key + ".port", port.Value.ToString(CultureInfo.InvariantCulture), "is not a TCP port", "use 1-65535");
        }

        var desired = obj["desiredCount"] is { } dc ? Int(key + ".desiredCount", dc) : 1;
        if (desired < 0)
        {
            throw Error(key + ".desiredCount", desired.ToString(CultureInfo.InvariantCulture), "must not be negative", "use 0 or more");
        }

        var platform = obj["platformVersion"] is { } pv ? Scalar(key + ".platformVersion", pv) : "LATEST";
        if (platform != "LATEST")
        {
            // PV 1.4.0 moved all task traffic (ECR auth, secrets) onto the task ENI; the endpoint set here assumes it.
            // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-version-migration.html
            if (!Version.TryParse(platform, out var version) || version.Build < 0)
            {
                throw Error(key + ".platformVersion", platform, "is not a Fargate platform version", "use LATEST or 1.4.0");
            }

            if (version < new Version(1, 4, 0))
            {
                throw Error(key + ".platformVersion", platform, "is older than 1.4.0 (tasks would fetch ECR auth and secrets outside the VPC, and ECS Exec would not work)", "use LATEST or 1.4.0");
            }
        }

        var secrets = new List<SecretReference>();
        if (obj["secrets"] is { } secretList)
        {
            var secretsKey = key + ".secrets";
            if (secretList is not JsonArray array)
            {
                throw Error(secretsKey, secretList.ToJsonString(), "must be a list", "use [{\"name\": \"DB_PASSWORD\", \"valueFrom\": \"arn:aws:secretsmanager:...\"}]");
            }

            foreach (var item in array)
            {
                var entry = Object(secretsKey, item ?? throw Error(secretsKey, "null", "has an empty entry", "remove it"), ["name", "valueFrom"]);
                var name = entry["name"] is { } nn ? Scalar(secretsKey + ".name", nn) : null;
                if (name is null || !EnvironmentName().IsMatch(name))
                {
                    throw Error(secretsKey + ".name", name, "must be an environment variable name", "use letters, digits and _ (e.g. DB_PASSWORD)");
                }

                var valueFrom = entry["valueFrom"] is { } vf ? Scalar(secretsKey + ".valueFrom", vf) : null;
                var store = valueFrom is null ? null : SecretReference.StoreOf(valueFrom);
                if (valueFrom is null || store is null)
                {
                    throw Error(secretsKey + ".valueFrom", valueFrom, "is not a Secrets Manager secret ARN or an SSM parameter ARN", "use arn:aws:secretsmanager:<region>:<account>:secret:<name> or arn:aws:ssm:<region>:<account>:parameter/<name>");
                }

                if (secrets.Any(x => x.Name == name))
                {
                    throw Error(secretsKey + ".name", name, "is used twice", "give each secret its own variable name");
                }

                secrets.Add(new SecretReference(name, valueFrom, store.Value));
            }
        }

        var exec = obj["enableExecuteCommand"] is { } ex && Bool(key + ".enableExecuteCommand", ex);

        return new Workload
        {
            Kind = kind,
            Schedule = schedule,
            Image = image,
            Cpu = cpu,
            Memory = memory,
            Port = port,
            DesiredCount = desired,
            PlatformVersion = platform,
            Secrets = secrets,
            EnableExecuteCommand = exec,
        };
    }

    private PrivateLinkService ReadPrivateLink(Topology topology, Workload workload)
    {
        var key = Full("privateLink");
        var node = Json(key);
        if (node is null)
        {
            return new PrivateLinkService();
        }

        var obj = Object(key, node, ["enabled", "port", "allowedPrincipals", "acceptanceRequired"]);
        var enabled = obj["enabled"] is { } e && Bool(key + ".enabled", e);
        int? port = obj["port"] is { } p ? Int(key + ".port", p) : null;
        var principals = obj["allowedPrincipals"] is { } ap ? StringList(key + ".allowedPrincipals", ap) : [];
        var acceptance = obj["acceptanceRequired"] is not { } ar || Bool(key + ".acceptanceRequired", ar);
        if (!enabled)
        {
            return new PrivateLinkService { Enabled = false, Port = port, AllowedPrincipals = principals, AcceptanceRequired = acceptance };
        }

        if (topology != Topology.PrivateEndpoints)
        {
            throw Error(key + ".enabled", "true", "only works with topology private-endpoints", "set enabled to false, or use topology private-endpoints");
        }

        if (workload.Kind != WorkloadKind.Service)
        {
            throw Error(key + ".enabled", "true", "needs a workload of kind service (a scheduled task cannot sit behind a load balancer)", $"set {Full("workload")}.kind to service, or disable privateLink");
        }

        port ??= workload.Port;
        if (port is null || workload.Port is null)
        {
            throw Error(Full("workload") + ".port", null, "is required with privateLink (the NLB forwards to it)", "set workload.port, e.g. 8080");
        }

        if (port is < 1 or > 65535)
        {
            throw Error(key + ".port", port.Value.ToString(CultureInfo.InvariantCulture), "is not a TCP port", "use 1-65535");
        }

        foreach (var principal in principals)
        {
            if (principal != "*" && !PrincipalArn().IsMatch(principal))
            {
                throw Error(key + ".allowedPrincipals", principal, "is not an IAM principal ARN", "use arn:aws:iam::<account>:root, a role or user ARN, or *");
            }
        }

        return new PrivateLinkService { Enabled = true, Port = port, AllowedPrincipals = principals, AcceptanceRequired = acceptance };
    }

    private List<string> ReadExtraEndpoints(Topology topology)
    {
        var key = Full("extraEndpoints");
        var node = Json(key);
        if (node is null)
        {
            return [];
        }

        if (topology != Topology.PrivateEndpoints)
        {
            throw Error(key, node.ToJsonString(), "only applies to topology private-endpoints (public-nat-egress tasks reach AWS services through the internet gateway)", $"remove {key}, or use topology private-endpoints");
        }

        var names = StringList(key, node);
        foreach (var name in names)
        {
            if (!EndpointShortName().IsMatch(name))
            {
                throw Error(key, name, "is not an endpoint service short name", "use names such as sts, xray or kms (the part after com.amazonaws.<region>.)");
            }

            if (name == "s3")
            {
                throw Error(key, name, "is already a gateway endpoint (S3 interface endpoints cannot serve ECR layer pulls)", "remove s3 from the list");
            }
        }

        return names.Distinct().ToList();
    }

    private Dictionary<string, string> ReadTags()
    {
        var key = Full("tags");
        var node = Json(key);
        if (node is null)
        {
            return [];
        }

        if (node is not JsonObject obj)
        {
            throw Error(key, node.ToJsonString(), "must be a map of tag names to values", "use {\"team\": \"platform\"}");
        }

        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in obj)
        {
            if (name == "Name")
            {
                throw Error(key + ".Name", null, "is set by the template for every resource", "remove the Name tag");
            }

            if (name.Length is 0 or > 128 || name.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                throw Error(key, name, "is not a valid tag key (1-128 characters, not starting with aws:)", "rename the tag");
            }

            tags[name] = value is null ? "" : Scalar(key + "." + name, value);
        }

        return tags;
    }

    private static string Full(string name) => Namespace + ":" + name;

    private string? Text(string key) => raw.TryGetValue(key, out var value) && value is not null && value != "null" ? value : null;

    /// <summary>The JSON value of a structured key (JSON text inside the string, as Pulumi passes it).</summary>
    private JsonNode? Json(string key)
    {
        var text = Text(key);
        if (text is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            throw Error(key, text, "is not valid structured config (expected JSON/YAML list or map)", $"set it with `pulumi config set --path` or write it as a YAML map/list under {key} in the stack file");
        }
    }

    private Ipv4Cidr ParseCidr(string key, string text) =>
        Ipv4Cidr.TryParseStrict(text, out var cidr, out var problem) ? cidr : throw Error(key, text, problem, "write an IPv4 CIDR block such as 10.0.0.0/16");

    private JsonObject Object(string key, JsonNode node, string[] fields)
    {
        if (node is not JsonObject obj)
        {
            throw Error(key, node.ToJsonString(), "must be a map", $"use a map with the fields {string.Join(", ", fields)}");
        }

        foreach (var (name, _) in obj)
        {
            if (!fields.Contains(name))
            {
                throw Error(key + "." + name, obj[name]?.ToJsonString(), "is not a known field", $"use only {string.Join(", ", fields)}");
            }
        }

        return obj;
    }

    private List<string> StringList(string key, JsonNode node)
    {
        if (node is not JsonArray array)
        {
            throw Error(key, node.ToJsonString(), "must be a list", "write a list, e.g. [\"a\", \"b\"]");
        }

        return array.Select(item => item is null ? throw Error(key, "null", "has an empty entry", "remove it") : Scalar(key, item)).ToList();
    }

    private string Scalar(string key, JsonNode node) =>
        node is JsonValue value && value.GetValueKind() is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False
            ? value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString()
            : throw Error(key, node.ToJsonString(), "must be a single value", "write a string or number");

    private int Int(string key, JsonNode node)
    {
        var text = Scalar(key, node);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw Error(key, text, "is not a whole number", "write a number such as 512");
    }

    private bool Bool(string key, JsonNode node) => Scalar(key, node) switch
    {
        "true" => true,
        "false" => false,
        var other => throw Error(key, other, "is not a boolean", "write true or false"),
    };

    private ConfigError Error(string key, string? value, string problem, string fix) => new(key, value, problem, fix, file);

    [GeneratedRegex(@"^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$")]
    private static partial Regex RegionName();

    [GeneratedRegex(@"^(rate\(\d+ (minute|minutes|hour|hours|day|days)\)|cron\([^()]+\)|at\([^()]+\))$")]
    private static partial Regex ScheduleExpression();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex EnvironmentName();

    [GeneratedRegex(@"^[a-z0-9]+([.-][a-z0-9]+)*$")]
    private static partial Regex EndpointShortName();

    [GeneratedRegex(@"^arn:aws(-[a-z]+)*:iam::\d{12}:(root|(role|user)/[A-Za-z0-9+=,.@_/-]+)$")]
    private static partial Regex PrincipalArn();
}
