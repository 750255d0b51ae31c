using System.Text.Json;
using System.Text.Json.Nodes;

namespace FargateNetwork.Infra.Tests;

/// <summary>A stack config as Pulumi passes it: full keys to strings, structured values as JSON text.</summary>
internal sealed class TestConfig
{
    private readonly Dictionary<string, string?> values = new(StringComparer.Ordinal);

    public static TestConfig PrivateEndpoints(params string[] zones) => new TestConfig()
        .Set("aws:region", "ap-northeast-1")
        .Set("fargate-network:topology", "private-endpoints")
        .Structured("availabilityZones", Zones(zones))
        .Structured("workload", new JsonObject { ["image"] = "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/app:1" });

    public static TestConfig PublicNatEgress(params string[] zones) => new TestConfig()
        .Set("aws:region", "ap-northeast-1")
        .Set("fargate-network:topology", "public-nat-egress")
        .Structured("availabilityZones", Zones(zones))
        .Structured("fixedEgress", new JsonObject { ["destinations"] = new JsonArray("203.0.113.0/24"), ["natGateways"] = "single" })
        .Structured("workload", new JsonObject { ["image"] = "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/app:1" });

    public TestConfig Set(string key, string? value)
    {
        values[key] = value;
        return this;
    }

    public TestConfig Remove(string key)
    {
        values.Remove(key);
        return this;
    }

    public TestConfig Structured(string name, JsonNode value) => Set("fargate-network:" + name, value.ToJsonString());

    public string ToJson() => JsonSerializer.Serialize(values);

    public IReadOnlyDictionary<string, string?> Values => values;

    private static JsonArray Zones(string[] zones) =>
        new([.. (zones.Length == 0 ? ["ap-northeast-1a", "ap-northeast-1c"] : zones).Select(z => (JsonNode?)JsonValue.Create(z))]);
}
