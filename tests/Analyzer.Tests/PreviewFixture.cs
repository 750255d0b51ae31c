using System.Text.Json.Nodes;
using StackRules.Host.Analyzer.Protocol;
using FargateNetwork.Tests.Shared;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace FargateNetwork.Analyzer.Tests;

/// <summary>
/// The interop fixture (<c>interop/private-endpoints.json</c>) as the engine's preview messages, built the way
/// <c>interop/engine.js</c> builds them: <c>{"$ref": name}</c> becomes the unknown sentinel plus a property dependency
/// on that resource's URN, <c>{"$secret": v}</c> a secret wrapper; outputs add unknown <c>id</c> and <c>arn</c>.
/// </summary>
internal sealed class PreviewFixture
{
    public const string Unknown = PulumiSignatures.UnknownSentinel;

    private readonly JsonObject document;

    private PreviewFixture(JsonObject document) => this.document = document;

    public static PreviewFixture Load() =>
        new((JsonObject)JsonNode.Parse(File.ReadAllText(RepositoryRoot.File("tests", "Analyzer.Tests", "interop", "private-endpoints.json")))!);

    public string StackName => (string)document["stack"]!;

    public string Project => (string)document["project"]!;

    public string Urn(string type, string name) => $"urn:pulumi:{StackName}::{Project}::{type}::{name}";

    public string UrnOf(string name) => Urn(Resource(name)["type"]!.GetValue<string>(), name);

    /// <summary>Changes one input of one resource (the value in the fixture's notation).</summary>
    public PreviewFixture With(string name, string property, JsonNode? value)
    {
        var copy = new PreviewFixture((JsonObject)document.DeepClone());
        ((JsonObject)copy.Resource(name)["inputs"]!)[property] = value;
        return copy;
    }

    /// <summary>The resources, without those named.</summary>
    public IReadOnlyList<(AnalyzeRequest Inputs, AnalyzerResource Outputs)> Resources(params string[] without)
    {
        var result = new List<(AnalyzeRequest, AnalyzerResource)>();
        foreach (var node in document["resources"]!.AsArray())
        {
            var r = node!.AsObject();
            var name = r["name"]!.GetValue<string>();
            if (without.Contains(name))
            {
                continue;
            }

            var type = r["type"]!.GetValue<string>();
            var dependencies = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
            var inputs = new JsonObject();
            foreach (var (key, value) in r["inputs"]!.AsObject())
            {
                inputs[key] = Encode(value, key, dependencies, without);
            }

            var outputs = (JsonObject)inputs.DeepClone();
            outputs["id"] = Unknown;
            outputs["arn"] = Unknown;
            var urn = Urn(type, name);
            var request = new AnalyzeRequest { Type = type, Name = name, Urn = urn, Properties = ToStruct(inputs), Options = new AnalyzerResourceOptions() };
            var resource = new AnalyzerResource { Type = type, Name = name, Urn = urn, Properties = ToStruct(outputs), Options = new AnalyzerResourceOptions() };
            foreach (var (key, urns) in dependencies)
            {
                var deps = new AnalyzerPropertyDependencies();
                deps.Urns.AddRange(urns);
                resource.PropertyDependencies[key] = deps;
                resource.Dependencies.AddRange(urns.Except(resource.Dependencies));
            }

            result.Add((request, resource));
        }

        return result;
    }

    public AnalyzeStackRequest StackRequest(params string[] without)
    {
        var request = new AnalyzeStackRequest();
        request.Resources.AddRange(Resources(without).Select(r => r.Outputs));
        return request;
    }

    public static Struct ToStruct(JsonObject json) => JsonParser.Default.Parse<Struct>(json.ToJsonString());

    public static JsonObject Secret(JsonNode? value) => new() { [PulumiSignatures.Key] = PulumiSignatures.Secret, ["value"] = value };

    private JsonObject Resource(string name) =>
        document["resources"]!.AsArray().Select(n => n!.AsObject()).Single(r => r["name"]!.GetValue<string>() == name);

    private JsonNode? Encode(JsonNode? value, string key, Dictionary<string, SortedSet<string>> dependencies, string[] without)
    {
        switch (value)
        {
            case JsonArray array:
                return new JsonArray(array.Select(i => Encode(i, key, dependencies, without)).ToArray());
            case JsonObject obj when obj["$ref"] is { } reference:
                var target = reference.GetValue<string>();
                if (!without.Contains(target))
                {
                    if (!dependencies.TryGetValue(key, out var set))
                    {
                        dependencies[key] = set = new SortedSet<string>(StringComparer.Ordinal);
                    }

                    set.Add(UrnOf(target));
                }

                return Unknown;
            case JsonObject obj when obj.ContainsKey("$secret"):
                return Secret(Encode(obj["$secret"], key, dependencies, without));
            case JsonObject obj:
                var result = new JsonObject();
                foreach (var (k, v) in obj)
                {
                    result[k] = Encode(v, key, dependencies, without);
                }

                return result;
            default:
                return value?.DeepClone();
        }
    }
}
