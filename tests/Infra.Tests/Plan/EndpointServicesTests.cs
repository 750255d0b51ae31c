using System.Text.Json.Nodes;
using FargateNetwork.Policies.Contract;
using StackRules;
using StackRules.Inputs;
using FargateNetwork.Policies.Model;
using FargateNetwork.Policies.Reachability;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FargateNetwork.Infra.Tests.Plan;

/// <summary>
/// The compiler's endpoints are the task-needs model's (issue 8, item 1): for generated workloads, the VPC endpoints a
/// <c>private-endpoints</c> template has are exactly the services the core says its tasks need in the stack's Region
/// (interface endpoints, and the S3 gateway endpoint) plus <c>extraEndpoints</c>; a <c>public-nat-egress</c> template
/// has none. The needs are those the policy pack reads from the emitted task definition and placement, and they equal
/// the ones of the compiler's own <see cref="EndpointServices.TaskOf"/>. Compiled without the pack's verdict, so the
/// workloads the pack refuses (another registry, another Region) are covered too.
/// </summary>
public class EndpointServicesTests
{
    private static readonly string[] Regions = ["ap-northeast-1", "us-east-1", "cn-north-1"];

    private static readonly string[] Images =
    [
        "111122223333.dkr.ecr.REGION.amazonaws.com/app:1.0",
        "111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:1.0",
        "nginx:1.27",
        "public.ecr.aws/nginx/nginx:1.27",
    ];

    private static readonly string[] Secrets =
    [
        "arn:aws:secretsmanager:REGION:111122223333:secret:db-AbCdEf",
        "arn:aws:ssm:REGION:111122223333:parameter/app/key",
        "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf",
        "arn:aws:ssm:eu-west-1:111122223333:parameter/app/key",
        "arn:aws:secretsmanager:REGION:111122223333:secret:api-AbCdEf:password:AWSCURRENT:",
    ];

    private static readonly string[] Extras = ["sts", "xray", "kms", "logs", "ecr.api", "ssmmessages"];

    private static readonly string[] PlatformVersions = ["LATEST", "1.4.0", "1.6.0"];

    [Property(MaxTest = 150)]
    public Property PrivateEndpointsGetExactlyTheEndpointsTheTasksNeedPlusTheExtraOnes(
        byte regionSeed, byte imageSeed, byte secretMask, byte extraMask, byte versionSeed, bool exec, bool scheduled, bool privateEndpoints, bool nat, byte zoneSeed)
    {
        var region = Regions[regionSeed % Regions.Length];
        var extras = Extras.Where((_, i) => (extraMask & (1 << i)) != 0).ToList();
        var config = Config(
            region,
            privateEndpoints ? "private-endpoints" : "public-nat-egress",
            1 + (zoneSeed % 3),
            Workload(Images[imageSeed % Images.Length].Replace("REGION", region, StringComparison.Ordinal), Secrets.Where((_, i) => (secretMask & (1 << i)) != 0).Select(s => s.Replace("REGION", region, StringComparison.Ordinal)), PlatformVersions[versionSeed % PlatformVersions.Length], exec, scheduled),
            privateEndpoints ? extras : [],
            nat || !privateEndpoints);
        var compiled = new ConfigReader(RunConfig.Parse(config.ToJson(), ConfigReader.Namespace)).Read();
        var yaml = YamlEmitter.Emit(TemplateBuilder.Build(compiled, ConfigReader.Namespace));

        var emitted = new ParsedTemplate(yaml).OfType(AwsTypes.VpcEndpoint)
            .Select(e => ((string)e["vpcEndpointType"]!, ShortName((string)e["serviceName"]!, region)))
            .ToHashSet();
        var model = NetworkModel.Build(StackInput.Parse(yaml, "compiled", "compiled").Resources);
        var needs = new PolicyContext(model).NeedsOf(Assert.Single(model.Placements));
        var expected = privateEndpoints
            ? needs.Where(n => n.Endpoint is not null).Select(n => (n.Endpoint.ToString()!, n.LocalService!)).Concat(extras.Select(e => ("Interface", e))).ToHashSet()
            : [];
        var compilerNeeds = TaskNeeds.Of(EndpointServices.TaskOf(compiled)).Select(n => (n.Service, n.Region)).ToHashSet();
        var packNeeds = needs.Select(n => (n.Service, n.Region)).ToHashSet();

        return (emitted.SetEquals(expected) && compilerNeeds.SetEquals(packNeeds))
            .Label($"emitted {Show(emitted)}; the tasks need {Show(expected)}; the compiler reads {string.Join(", ", compilerNeeds)}, the pack {string.Join(", ", packNeeds)}");
    }

    private static string ShortName(string serviceName, string region)
    {
        Assert.True(EndpointServiceName.TryParse(serviceName, out var parsed), serviceName);
        Assert.Equal(region, parsed.Region);
        return parsed.Service;
    }

    private static string Show(IEnumerable<(string Kind, string Service)> endpoints) =>
        string.Join(", ", endpoints.Order().Select(e => $"{e.Kind} {e.Service}"));

    private static JsonObject Workload(string image, IEnumerable<string> secrets, string platformVersion, bool exec, bool scheduled)
    {
        var workload = new JsonObject { ["image"] = image, ["platformVersion"] = platformVersion, ["enableExecuteCommand"] = exec };
        if (scheduled)
        {
            workload["kind"] = "scheduled";
            workload["schedule"] = "rate(10 minutes)";
        }

        var list = secrets.Select((s, i) => (JsonNode?)new JsonObject { ["name"] = $"SECRET_{i}", ["valueFrom"] = s }).ToArray();
        if (list.Length > 0)
        {
            workload["secrets"] = new JsonArray(list);
        }

        return workload;
    }

    private static TestConfig Config(string region, string topology, int zones, JsonObject workload, List<string> extras, bool nat)
    {
        var config = new TestConfig()
            .Set("aws:region", region)
            .Set("fargate-network:topology", topology)
            .Structured("availabilityZones", new JsonArray([.. "abc".Take(zones).Select(z => (JsonNode?)JsonValue.Create(region + z))]))
            .Structured("workload", workload);
        if (nat)
        {
            config.Structured("fixedEgress", new JsonObject { ["destinations"] = new JsonArray("52.0.0.0/24"), ["natGateways"] = "single" });
        }

        if (extras.Count > 0)
        {
            config.Structured("extraEndpoints", new JsonArray([.. extras.Select(e => (JsonNode?)JsonValue.Create(e))]));
        }

        return config;
    }
}
