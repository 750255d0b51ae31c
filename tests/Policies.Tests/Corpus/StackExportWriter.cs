using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using StackRules.Inputs;
using FargateNetwork.Policies.Model;

namespace FargateNetwork.Policies.Tests.Corpus;

/// <summary>
/// Writes the <c>pulumi stack export --show-secrets</c> document of a deployed template: every resource gets the
/// provider id and ARN AWS would give it (stable, derived from the logical name), every reference becomes the literal
/// id/ARN/attribute it names, outputs carry the inputs plus the attributes the provider computes (a VPC's
/// <c>defaultRouteTableId</c>/<c>mainRouteTableId</c>, an endpoint's defaulted <c>vpcEndpointType</c>...), and
/// <c>propertyDependencies</c> name the referenced URNs, as the engine records them.
/// </summary>
public sealed class StackExportWriter
{
    public const string Account = "123456789012";
    private const string StackUrn = "urn:pulumi:dev::corpus::pulumi:pulumi:Stack::corpus-dev";

    private readonly Dictionary<string, StackResource> byUrn;
    private readonly string region;
    private readonly Dictionary<string, string> ids = new(StringComparer.Ordinal);

    private StackExportWriter(IReadOnlyList<StackResource> resources, string region)
    {
        byUrn = resources.ToDictionary(r => r.Urn, StringComparer.Ordinal);
        this.region = region;
    }

    /// <summary>The export JSON of <paramref name="resources"/> (a deployed template, read by <see cref="TemplateReader"/>).</summary>
    public static string Write(IReadOnlyList<StackResource> resources, string region)
    {
        var writer = new StackExportWriter(resources, region);
        var states = new JsonArray
        {
            new JsonObject { ["urn"] = StackUrn, ["custom"] = false, ["type"] = "pulumi:pulumi:Stack" },
            new JsonObject
            {
                ["urn"] = "urn:pulumi:dev::corpus::pulumi:providers:aws::default_7_48_0",
                ["custom"] = true,
                ["id"] = "0f3c1d2e-corpus-provider",
                ["type"] = "pulumi:providers:aws",
                ["inputs"] = new JsonObject { ["region"] = region, ["version"] = "7.48.0" },
                ["outputs"] = new JsonObject { ["region"] = region, ["version"] = "7.48.0" },
            },
        };
        foreach (var resource in resources)
        {
            states.Add(writer.State(resource));
        }

        var document = new JsonObject
        {
            ["version"] = 3,
            ["deployment"] = new JsonObject
            {
                ["manifest"] = new JsonObject { ["time"] = "2026-11-30T09:00:00.000Z", ["magic"] = "corpus", ["version"] = "v3.205.0" },
                ["resources"] = states,
            },
        };
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static string ExportUrn(string templateUrn) =>
        templateUrn.Replace($"urn:pulumi:{TemplateReader.StackName}::", "urn:pulumi:dev::", StringComparison.Ordinal)
            .Replace("::project::", "::corpus::", StringComparison.Ordinal);

    private JsonObject State(StackResource r)
    {
        var dependencies = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var inputs = new JsonObject();
        foreach (var (key, value) in r.Inputs.Properties)
        {
            var set = new SortedSet<string>(StringComparer.Ordinal);
            inputs[key] = Json(Resolved(r, key, value, set));
            if (set.Count > 0)
            {
                dependencies[key] = set;
            }
        }

        var outputs = (JsonObject)inputs.DeepClone();
        outputs["id"] = Id(r);
        foreach (var (key, value) in Computed(r))
        {
            if (!outputs.ContainsKey(key))
            {
                outputs[key] = value;
            }
        }

        var propertyDependencies = new JsonObject();
        foreach (var (key, urns) in dependencies)
        {
            propertyDependencies[key] = new JsonArray(urns.Select(u => (JsonNode)ExportUrn(u)).ToArray());
        }

        return new JsonObject
        {
            ["urn"] = ExportUrn(r.Urn),
            ["custom"] = true,
            ["id"] = Id(r),
            ["type"] = r.Type,
            ["inputs"] = inputs,
            ["outputs"] = outputs,
            ["parent"] = r.Parent is null ? StackUrn : ExportUrn(r.Parent),
            ["dependencies"] = new JsonArray(dependencies.Values.SelectMany(s => s).Distinct().Select(u => (JsonNode)ExportUrn(u)).ToArray()),
            ["propertyDependencies"] = propertyDependencies,
        };
    }

    /// <summary>The value with every reference replaced by the literal it names; a container list becomes its JSON string.</summary>
    private PropertyValue Resolved(StackResource owner, string key, PropertyValue value, ISet<string> dependencies)
    {
        var resolved = Resolve(value, dependencies, $"{owner.Name}.{key}");
        if (key == "containerDefinitions")
        {
            return resolved is SecretValue secret
                ? new SecretValue(new StringValue(Json(secret.Inner)!.ToJsonString()))
                : resolved is ArrayValue ? new StringValue(Json(resolved)!.ToJsonString()) : resolved;
        }

        return resolved;
    }

    private PropertyValue Resolve(PropertyValue value, ISet<string> dependencies, string where) => value switch
    {
        ReferenceValue reference => Attribute(reference, dependencies, where),
        ArrayValue array => new ArrayValue(array.Items.Select(i => Resolve(i, dependencies, where)).ToList()),
        ObjectValue obj => new ObjectValue(obj.Properties.ToDictionary(p => p.Key, p => Resolve(p.Value, dependencies, where), StringComparer.Ordinal)),
        SecretValue secret => new SecretValue(Resolve(secret.Inner, dependencies, where)),
        UnknownValue => throw new InvalidOperationException($"{where}: unknown after deployment: give the literal in the case's Deployed values"),
        _ => value,
    };

    private PropertyValue Attribute(ReferenceValue reference, ISet<string> dependencies, string where)
    {
        var target = byUrn.GetValueOrDefault(reference.TargetUrn) ?? throw new InvalidOperationException($"{where}: no resource {reference.TargetUrn}");
        dependencies.Add(target.Urn);
        if (reference.Property == "id")
        {
            return new StringValue(Id(target));
        }

        if (Computed(target).TryGetValue(reference.Property, out var computed) && computed is JsonValue v && v.TryGetValue<string>(out var text))
        {
            return new StringValue(text);
        }

        if (target.Inputs.Properties.TryGetValue(reference.Property, out var input))
        {
            return Resolve(input, new HashSet<string>(), where);
        }

        throw new InvalidOperationException($"{where}: {target.Name}.{reference.Property} is not an attribute the writer knows");
    }

    private string Id(StackResource r)
    {
        if (ids.TryGetValue(r.Urn, out var known))
        {
            return known;
        }

        var type = ResourceGraph.CanonicalType(r.Type);
        var hex = Hex(r.Name);
        var id = type switch
        {
            AwsTypes.DefaultRouteTable => Text(Resolve(r.Inputs.Properties["defaultRouteTableId"], new HashSet<string>(), r.Name)),
            "aws:ec2/vpc:Vpc" => $"vpc-{hex}",
            "aws:ec2/subnet:Subnet" => $"subnet-{hex}",
            "aws:ec2/routeTable:RouteTable" => $"rtb-{hex}",
            "aws:ec2/internetGateway:InternetGateway" => $"igw-{hex}",
            "aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway" => $"eigw-{hex}",
            "aws:ec2/natGateway:NatGateway" => $"nat-{hex}",
            "aws:ec2/eip:Eip" => $"eipalloc-{hex}",
            "aws:ec2/securityGroup:SecurityGroup" => $"sg-{hex}",
            "aws:ec2/vpcEndpoint:VpcEndpoint" => $"vpce-{hex}",
            "aws:ec2/vpcEndpointService:VpcEndpointService" => $"vpce-svc-{hex}",
            "aws:ec2/routeTableAssociation:RouteTableAssociation" or "aws:ec2/mainRouteTableAssociation:MainRouteTableAssociation" => $"rtbassoc-{hex}",
            "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule" or "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule" => $"sgr-{hex}",
            "aws:ec2transitgateway/vpcAttachment:VpcAttachment" => $"tgw-attach-{hex}",
            _ when Arn(r) is { } arn && !type.StartsWith("aws:ecs/taskDefinition", StringComparison.Ordinal) && !type.Contains("logGroup", StringComparison.Ordinal) => arn,
            "aws:ecs/taskDefinition:TaskDefinition" => Family(r),
            _ => Name(r),
        };
        ids[r.Urn] = id;
        return id;
    }

    private string? Arn(StackResource r)
    {
        var name = Name(r);
        return ResourceGraph.CanonicalType(r.Type) switch
        {
            "aws:ecs/cluster:Cluster" => $"arn:aws:ecs:{region}:{Account}:cluster/{name}",
            "aws:ecs/service:Service" => $"arn:aws:ecs:{region}:{Account}:service/corpus/{name}",
            "aws:ecs/taskDefinition:TaskDefinition" => $"arn:aws:ecs:{region}:{Account}:task-definition/{Family(r)}:1",
            "aws:cloudwatch/logGroup:LogGroup" => $"arn:aws:logs:{region}:{Account}:log-group:{name}",
            "aws:lb/loadBalancer:LoadBalancer" => $"arn:aws:elasticloadbalancing:{region}:{Account}:loadbalancer/net/{name}/{Hex(name)[..16]}",
            "aws:lb/targetGroup:TargetGroup" => $"arn:aws:elasticloadbalancing:{region}:{Account}:targetgroup/{name}/{Hex(name)[..16]}",
            "aws:lb/listener:Listener" => $"arn:aws:elasticloadbalancing:{region}:{Account}:listener/net/{name}/{Hex(name)[..16]}",
            "aws:secretsmanager/secret:Secret" => $"arn:aws:secretsmanager:{region}:{Account}:secret:{name}-AbCdEf",
            "aws:ssm/parameter:Parameter" => $"arn:aws:ssm:{region}:{Account}:parameter/{name.TrimStart('/')}",
            "aws:iam/role:Role" => $"arn:aws:iam::{Account}:role/{name}",
            "aws:ecr/repository:Repository" => $"arn:aws:ecr:{region}:{Account}:repository/{name}",
            "aws:cloudwatch/eventRule:EventRule" => $"arn:aws:events:{region}:{Account}:rule/{name}",
            "aws:scheduler/schedule:Schedule" => $"arn:aws:scheduler:{region}:{Account}:schedule/default/{name}",
            "aws:servicediscovery/httpNamespace:HttpNamespace" => $"arn:aws:servicediscovery:{region}:{Account}:namespace/ns-{Hex(name)[..16]}",
            _ => null,
        };
    }

    /// <summary>The attributes the provider computes, as they appear in the export's outputs.</summary>
    private Dictionary<string, JsonNode?> Computed(StackResource r)
    {
        var hex = Hex(r.Name);
        var result = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (Arn(r) is { } arn)
        {
            result["arn"] = arn;
        }

        result["name"] = Name(r);

        switch (ResourceGraph.CanonicalType(r.Type))
        {
            case "aws:ec2/vpc:Vpc":
                result["arn"] = $"arn:aws:ec2:{region}:{Account}:vpc/vpc-{hex}";
                result["defaultRouteTableId"] = $"rtb-{Hex(r.Name + "/main")}";
                result["mainRouteTableId"] = $"rtb-{Hex(r.Name + "/main")}";
                result["defaultSecurityGroupId"] = $"sg-{Hex(r.Name + "/default")}";
                result["enableDnsSupport"] = true;
                result["enableDnsHostnames"] = false;
                break;
            case "aws:ec2/subnet:Subnet":
                result["arn"] = $"arn:aws:ec2:{region}:{Account}:subnet/subnet-{hex}";
                result["mapPublicIpOnLaunch"] = false;
                break;
            case "aws:ec2/securityGroup:SecurityGroup":
                result["arn"] = $"arn:aws:ec2:{region}:{Account}:security-group/sg-{hex}";
                break;
            case "aws:ec2/eip:Eip":
                result["allocationId"] = $"eipalloc-{hex}";
                result["publicIp"] = $"203.0.113.{(hex[0] % 200) + 10}";
                break;
            case "aws:ec2/natGateway:NatGateway":
                result["connectivityType"] = "public";
                result["availabilityMode"] = "zonal";
                break;
            case "aws:ec2/vpcEndpoint:VpcEndpoint":
                result["arn"] = $"arn:aws:ec2:{region}:{Account}:vpc-endpoint/vpce-{hex}";
                result["vpcEndpointType"] = "Gateway";
                result["privateDnsEnabled"] = false;
                break;
            case "aws:ec2/vpcEndpointService:VpcEndpointService":
                result["serviceName"] = $"com.amazonaws.vpce.{region}.vpce-svc-{hex}";
                break;
            case "aws:ecs/taskDefinition:TaskDefinition":
                result["arnWithoutRevision"] = $"arn:aws:ecs:{region}:{Account}:task-definition/{Family(r)}";
                result["revision"] = 1;
                break;
            case "aws:ecr/repository:Repository":
                result["repositoryUrl"] = $"{Account}.dkr.ecr.{region}.amazonaws.com/{Name(r)}";
                break;
            case "aws:lb/loadBalancer:LoadBalancer":
                result["dnsName"] = $"{Name(r)}-{hex[..10]}.elb.{region}.amazonaws.com";
                break;
        }

        return result;
    }

    /// <summary>The <c>name</c> input, else the provider's auto-name (logical name plus a random suffix, here a stable one).</summary>
    private static string Name(StackResource r) =>
        r.Inputs.Properties.TryGetValue("name", out var n) && n is StringValue s ? s.Value : $"{r.Name}-{Hex(r.Name)[1..8]}";

    private static string Family(StackResource r) =>
        r.Inputs.Properties.TryGetValue("family", out var f) && f is StringValue s ? s.Value : r.Name;

    private static string Text(PropertyValue value) => value is StringValue s ? s.Value : throw new InvalidOperationException($"expected a string, found {value}");

    /// <summary>17 hex digits derived from the name (FNV-1a), so ids are stable across runs.</summary>
    private static string Hex(string name)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return "0" + hash.ToString("x16", CultureInfo.InvariantCulture);
    }

    private static JsonNode? Json(PropertyValue value) => value switch
    {
        NullValue => null,
        BoolValue b => JsonValue.Create(b.Value),
        NumberValue n => n.Value == Math.Floor(n.Value) ? JsonValue.Create((long)n.Value) : JsonValue.Create(n.Value),
        StringValue s => JsonValue.Create(s.Value),
        ArrayValue a => new JsonArray(a.Items.Select(Json).ToArray()),
        ObjectValue o => new JsonObject(o.Properties.Select(p => KeyValuePair.Create(p.Key, Json(p.Value)))),
        SecretValue secret => new JsonObject
        {
            [PulumiSignatures.Key] = PulumiSignatures.Secret,
            ["plaintext"] = (Json(secret.Inner)?.ToJsonString() ?? "null"),
        },
        _ => throw new InvalidOperationException($"no JSON for {value}"),
    };
}
