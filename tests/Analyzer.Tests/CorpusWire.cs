using System.Text.Json.Nodes;
using StackRules.Host.Analyzer.Protocol;

namespace FargateNetwork.Analyzer.Tests;

/// <summary>
/// A corpus stack (tests/Policies.Tests/Corpus) as the engine sends it to the analyzer. Preview mode (a template,
/// nothing deployed yet): a reference is the unknown sentinel plus a property dependency on the referenced URN, and
/// <c>id</c>/<c>arn</c> are unknown. Update mode (a stack export, everything deployed): inputs for <c>Analyze</c>, the
/// recorded outputs with their property dependencies for <c>AnalyzeStack</c>. Secrets use the signature wrapper.
/// </summary>
internal static class CorpusWire
{
    public static IReadOnlyList<AnalyzeRequest> AnalyzeRequests(IReadOnlyList<StackResource> resources) =>
        resources.Select(r => new AnalyzeRequest
        {
            Type = r.Type,
            Name = r.Name,
            Urn = r.Urn,
            Properties = PreviewFixture.ToStruct(Encode(r.Inputs, null)),
            Options = new AnalyzerResourceOptions(),
        }).ToList();

    public static AnalyzeStackRequest StackRequest(IReadOnlyList<StackResource> resources, bool preview)
    {
        var request = new AnalyzeStackRequest();
        foreach (var r in resources)
        {
            var dependencies = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
            JsonObject properties;
            if (preview)
            {
                properties = Encode(r.Inputs, dependencies);
                properties["id"] = PreviewFixture.Unknown;
                properties["arn"] = PreviewFixture.Unknown;
            }
            else
            {
                properties = Encode(r.Outputs ?? r.Inputs, null);
                properties["id"] = r.Id;
                foreach (var (key, urns) in r.PropertyDependencies ?? new Dictionary<string, IReadOnlyList<string>>())
                {
                    dependencies[key] = new SortedSet<string>(urns, StringComparer.Ordinal);
                }
            }

            var resource = new AnalyzerResource { Type = r.Type, Name = r.Name, Urn = r.Urn, Parent = r.Parent ?? string.Empty, Properties = PreviewFixture.ToStruct(properties), Options = new AnalyzerResourceOptions() };
            foreach (var (key, urns) in dependencies)
            {
                var deps = new AnalyzerPropertyDependencies();
                deps.Urns.AddRange(urns);
                resource.PropertyDependencies[key] = deps;
                resource.Dependencies.AddRange(urns.Except(resource.Dependencies));
            }

            request.Resources.Add(resource);
        }

        return request;
    }

    private static JsonObject Encode(ObjectValue value, Dictionary<string, SortedSet<string>>? dependencies)
    {
        var result = new JsonObject();
        foreach (var (key, v) in value.Properties)
        {
            result[key] = Encode(v, key, dependencies);
        }

        return result;
    }

    private static JsonNode? Encode(PropertyValue value, string key, Dictionary<string, SortedSet<string>>? dependencies)
    {
        switch (value)
        {
            case ReferenceValue reference:
                if (dependencies is not null)
                {
                    if (!dependencies.TryGetValue(key, out var set))
                    {
                        dependencies[key] = set = new SortedSet<string>(StringComparer.Ordinal);
                    }

                    set.Add(reference.TargetUrn);
                }

                return PreviewFixture.Unknown;
            case UnknownValue:
                return PreviewFixture.Unknown;
            case SecretValue secret:
                return PreviewFixture.Secret(Encode(secret.Inner, key, dependencies));
            case StringValue s:
                return s.Value;
            case BoolValue b:
                return b.Value;
            case NumberValue n:
                return n.Value;
            case ArrayValue a:
                return new JsonArray(a.Items.Select(i => Encode(i, key, dependencies)).ToArray());
            case ObjectValue o:
                var obj = new JsonObject();
                foreach (var (k, v) in o.Properties)
                {
                    obj[k] = Encode(v, key, dependencies);
                }

                return obj;
            default:
                return null;
        }
    }
}
