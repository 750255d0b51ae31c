using System.Text;
using System.Text.Json.Nodes;
using StackRules.Inputs;
using FargateNetwork.Policies.Tests.Check;

namespace FargateNetwork.Policies.Tests.Fuzz;

/// <summary>
/// The generated inputs of each family, from real seeds (the check's fixtures) and hostile generators (fn::join and
/// alias bombs, chains of variables), mutated by <see cref="TextMutator"/> and <see cref="JsonMutator"/>. The same
/// seed gives the same inputs on every machine (<see cref="Random"/> with a seed is stable across .NET versions).
/// </summary>
internal static class FuzzInputs
{
    public static IEnumerable<string> Templates(int count, int seed)
    {
        var random = new Random(seed);
        string[] yaml = [.. new[] { "broken-template.yaml", "nat-pulls.yaml", "secret-values.yaml" }.Select(f => File.ReadAllText(CheckRun.Fixture(f)))];
        string[] json = [.. yaml.Select(ToJson)];
        for (var i = 0; i < count; i++)
        {
            yield return (i % 10) switch
            {
                < 6 => TextMutator.Mutate(yaml[random.Next(yaml.Length)], random),
                < 8 => JsonMutator.Mutate(json[random.Next(json.Length)], random, preview: false),
                8 => Bomb(random),
                _ => VariableChain(random),
            };
        }
    }

    public static IEnumerable<string> State(string fixture, int count, int seed, bool preview)
    {
        var random = new Random(seed);
        var text = File.ReadAllText(CheckRun.Fixture(fixture));
        for (var i = 0; i < count; i++)
        {
            yield return random.Next(4) == 0 ? TextMutator.Mutate(text, random) : JsonMutator.Mutate(text, random, preview);
        }
    }

    public static IEnumerable<string> PolicyConfigs(int count, int seed)
    {
        var random = new Random(seed);
        string[] seeds =
        [
            """{"all": "advisory"}""",
            """{"all": {"enforcementLevel": "mandatory"}, "image-pulls-through-nat": {"pullsPerDay": 5, "enforcementLevel": "advisory"}}""",
            """{"fixed-egress-through-nat": {"fixedEgressCidrs": ["203.0.113.10/32", "198.51.100.0/24"]}, "environments": ["x"]}""",
            "{" + string.Join(", ", FargateNetwork.Policies.Pack.FargatePack.Policies.Select((p, n) => $"\"{p.Name}\": \"{(n % 2 == 0 ? "disabled" : "remediate")}\"")) + "}",
        ];
        for (var i = 0; i < count; i++)
        {
            yield return JsonMutator.Mutate(seeds[random.Next(seeds.Length)], random, preview: false);
        }
    }

    /// <summary>A template whose values repeat the level below: fn::join over aliases or variables, or plain alias lists.</summary>
    private static string Bomb(Random random)
    {
        var fan = 2 + random.Next(12);
        var levels = 2 + random.Next(12);
        var lines = new List<string> { "variables:", "  l0: &l0 xxxxxxxxxx" };
        var kind = random.Next(3);
        for (var i = 1; i < levels; i++)
        {
            var items = string.Join(", ", Enumerable.Repeat(kind == 1 ? $"\"${{l{i - 1}}}\"" : $"*l{i - 1}", fan));
            lines.Add(kind == 2 ? $"  l{i}: &l{i} [{items}]" : $"  l{i}: &l{i} {{fn::join: ['', [{items}]]}}");
        }

        var last = kind == 1 ? $"\"${{l{levels - 1}}}\"" : $"*l{levels - 1}";
        lines.AddRange(["resources:", "  v:", "    type: aws:ec2:Vpc", "    properties:", $"      tags: {{a: {last}, b: {{fn::secret: {JsonMutator.Planted}}}}}"]);
        return string.Join('\n', lines);
    }

    private static string VariableChain(Random random)
    {
        var length = 1 + random.Next(3000);
        var text = new StringBuilder("variables:\n");
        for (var i = 0; i < length; i++)
        {
            text.Append(random.Next(2) == 0 ? $"  v{i}: \"${{v{i + 1}}}\"\n" : $"  v{i}: [\"${{v{i + 1}.x}}\"]\n");
        }

        text.Append($"  v{length}: {{x: 1}}\nresources:\n  a:\n    type: aws:ec2:Vpc\n    properties: {{cidrBlock: \"${{v0}}\"}}\n");
        return text.ToString();
    }

    /// <summary>A YAML template as a JSON template (plain scalars typed by the YAML core schema).</summary>
    private static string ToJson(string yaml) => Json(YamlSource.Parse(yaml, "seed")!)!.ToJsonString();

    private static JsonNode? Json(SourceNode node) => node switch
    {
        MappingNode map => new JsonObject(map.Entries.Select(e => new KeyValuePair<string, JsonNode?>(e.Key, Json(e.Value)))),
        SequenceNode list => new JsonArray([.. list.Items.Select(Json)]),
        ScalarNode { Quoted: false } plain when CoreSchema.Literal(plain.Text) is { } literal => literal switch
        {
            BoolValue b => JsonValue.Create(b.Value),
            NumberValue n when double.IsFinite(n.Value) => JsonValue.Create(n.Value),
            NullValue => null,
            _ => JsonValue.Create(plain.Text),
        },
        ScalarNode scalar => JsonValue.Create(scalar.Text),
        _ => null,
    };
}
