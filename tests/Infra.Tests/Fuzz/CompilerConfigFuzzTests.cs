using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace FargateNetwork.Infra.Tests.Fuzz;

/// <summary>
/// Compiler configs mutated as an attacker would (issue 10's fuzz suite, the compiler target): byte flips, truncation,
/// type swaps, huge and negative numbers, deep nesting, duplicate keys, trailing newlines, control characters, very
/// long strings. Every run ends with exit 0 or 1, no stack trace or internal error, nothing on stdout when refused, in
/// bounded time, and a secret-looking free-text value is never echoed on stderr. Deterministic: FUZZ_SEED explores
/// further, FUZZ_SCALE multiplies the count.
/// </summary>
public class CompilerConfigFuzzTests
{
    private const string Sentinel = "Hunter2-Sentinel-5e1d";

    private static readonly string[] Keys =
    [
        "aws:region", "fargate-network:topology", "fargate-network:vpcCidr", "fargate-network:availabilityZones",
        "fargate-network:fixedEgress", "fargate-network:workload", "fargate-network:privateLink",
        "fargate-network:extraEndpoints", "fargate-network:tags",
    ];

    public static TheoryData<int> Batches() => [.. Enumerable.Range(0, 8)];

    [Theory]
    [MemberData(nameof(Batches))]
    public void MutatedConfigsEndCleanlyAndNeverEchoASecret(int batch)
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), out var s) ? s : 20261130;
        var scale = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SCALE"), out var k) && k > 0 ? k : 1;
        var random = new Random(seed + batch);
        var failures = new List<string>();
        for (var i = 0; i < 40 * scale; i++)
        {
            var config = Base(random.Next(2) == 0 ? "private-endpoints" : "public-nat-egress");
            var mutations = 1 + random.Next(3);
            for (var m = 0; m < mutations; m++)
            {
                var key = Keys[random.Next(Keys.Length)];
                config.Set(key, Mutate(config.Values.TryGetValue(key, out var v) ? v : null, random));
            }

            var clock = Stopwatch.StartNew();
            var result = TestCompiler.RunMode(config);
            clock.Stop();
            var problem = result.ExitCode is not (0 or 1) ? $"exit {result.ExitCode}"
                : result.Stderr.Contains("   at ", StringComparison.Ordinal) ? "stack trace"
                : result.Stderr.Contains("internal error", StringComparison.Ordinal) ? "internal error"
                : result.ExitCode == 1 && result.Stdout.Length > 0 ? "stdout on refusal"
                : result.Stderr.Contains(Sentinel, StringComparison.Ordinal) ? "secret echoed on stderr"
                : clock.Elapsed > TimeSpan.FromSeconds(20) ? $"took {clock.Elapsed.TotalSeconds:F1} s"
                : null;
            if (problem is not null)
            {
                failures.Add($"{problem}: {config.ToJson()} -> {result.Stderr.Split('\n')[0]}");
            }
        }

        Assert.Empty(failures);
    }

    private static TestConfig Base(string topology)
    {
        var config = new TestConfig()
            .Set("aws:region", "ap-northeast-1")
            .Set("fargate-network:topology", topology)
            .Structured("availabilityZones", new JsonArray("ap-northeast-1a", "ap-northeast-1c"))
            .Structured("tags", new JsonObject { ["owner"] = Sentinel })
            .Structured("workload", new JsonObject
            {
                ["image"] = "111122223333.dkr.ecr.ap-northeast-1.amazonaws.com/app:1",
                ["secrets"] = new JsonArray(new JsonObject { ["name"] = "DB", ["valueFrom"] = $"arn:aws:secretsmanager:ap-northeast-1:111122223333:secret:{Sentinel}" }),
            });
        if (topology == "public-nat-egress")
        {
            config.Structured("fixedEgress", new JsonObject { ["destinations"] = new JsonArray("52.0.0.0/24"), ["natGateways"] = "single" });
        }

        return config;
    }

    private static string? Mutate(string? value, Random random)
    {
        var text = value ?? "";
        switch (random.Next(14))
        {
            case 0: return null;
            case 1: return text.Length == 0 ? "x" : text[..random.Next(text.Length)];
            case 2: return text + "\n";
            case 3: return Flip(text, random);
            case 4: return "[" + text + "]";
            case 5: return "{\"a\":" + (text.Length == 0 ? "1" : text) + "}";
            case 6: return random.Next(2) == 0 ? "1e309" : "-99999999999999999999";
            case 7: return new string('[', 40) + new string(']', 40);
            case 8: return text.StartsWith('{') && text.Length > 2 ? "{\"image\":\"a:1\"," + text[1..] : "{\"x\":1,\"x\":2}";
            case 9: return new string('a', 5000 + random.Next(5000));
            case 10: return text.Insert(random.Next(text.Length + 1), "\u0000");
            case 11: return "true";
            case 12: return "\"" + Sentinel + "\"";
            default: return JsonValue.Create(text)!.ToJsonString();
        }
    }

    private static string Flip(string text, Random random)
    {
        if (text.Length == 0)
        {
            return "{";
        }

        var builder = new StringBuilder(text);
        for (var i = 0; i < 1 + random.Next(4); i++)
        {
            const string Noise = "{}[]\":,\\ 0a-/.";
            builder[random.Next(builder.Length)] = Noise[random.Next(Noise.Length)];
        }

        return builder.ToString();
    }
}
