using System.Text.Json.Nodes;
using FargateNetwork.Policies.Model;
using static FargateNetwork.Policies.Tests.Corpus.Mutation.StackEdit;

namespace FargateNetwork.Policies.Tests.Corpus.Mutation;

/// <summary>
/// The same values written another way: a reference ↔ the literal id/ARN it resolves to, a provider default written
/// out ↔ left out, the short type token, <c>launchType: FARGATE</c> ↔ a FARGATE capacity provider strategy, the
/// container list ↔ its JSON string.
/// </summary>
public static class ValueRewrites
{
    // (type, property, provider default) — pulumi-aws 7.x schema defaults.
    private static readonly (string Type, string Key, PropertyValue Default)[] Defaults =
    [
        (AwsTypes.Vpc, "enableDnsSupport", new BoolValue(true)),
        (AwsTypes.Vpc, "enableDnsHostnames", new BoolValue(false)),
        (AwsTypes.VpcEndpoint, "vpcEndpointType", new StringValue("Gateway")),
        (AwsTypes.VpcEndpoint, "privateDnsEnabled", new BoolValue(false)),
        (AwsTypes.NatGateway, "connectivityType", new StringValue("public")),
        (AwsTypes.Subnet, "mapPublicIpOnLaunch", new BoolValue(false)),
    ];

    public static IEnumerable<Rewrite> All =>
    [
        new("references -> literal ids and ARNs", ReferencesToLiterals),
        new("literal ids and ARNs -> references", LiteralsToReferences),
        new("provider defaults written out", s => SetDefaults(s, explicitly: true)),
        new("provider defaults left out", s => SetDefaults(s, explicitly: false)),
        new("short type tokens", ShortTypes),
        new("launchType FARGATE -> FARGATE capacity provider strategy", LaunchTypeToStrategy),
        new("container definitions as a JSON string", ContainersAsJson),
    ];

    private static bool ReferencesToLiterals(StackEdit stack)
    {
        if (stack.HasIds)
        {
            return false;
        }

        var region = Region(stack);
        var ids = stack.Resources.Select((r, i) => (r.Urn, Id: $"{r.Type.Split(':')[^1].ToLowerInvariant()}-0{i:x16}")).ToDictionary(p => p.Urn, p => p.Id, StringComparer.Ordinal);
        var arns = stack.Resources.ToDictionary(r => r.Urn, r => $"arn:aws:{r.Type.Split(':')[1].Split('/')[0]}:{region}:123456789012:{r.Type.Split(':')[^1].ToLowerInvariant()}/{ids[r.Urn]}", StringComparer.Ordinal);
        var changed = false;
        foreach (var r in stack.Resources.ToList())
        {
            var inputs = (ObjectValue)Map(r.Inputs, v =>
            {
                switch (v)
                {
                    case ReferenceValue { Property: "id" } id when ids.ContainsKey(id.TargetUrn):
                        changed = true;
                        return new StringValue(ids[id.TargetUrn]);
                    case ReferenceValue { Property: "arn" } arn when arns.ContainsKey(arn.TargetUrn):
                        changed = true;
                        return new StringValue(arns[arn.TargetUrn]);
                    default:
                        return v;
                }
            });
            var outputs = new Dictionary<string, PropertyValue>(r.Outputs?.Properties ?? ObjectValue.Empty.Properties, StringComparer.Ordinal) { ["arn"] = new StringValue(arns[r.Urn]) };
            stack.Replace(r, r with { Inputs = inputs, Id = ids[r.Urn], Outputs = new ObjectValue(outputs) });
        }

        return changed;
    }

    /// <summary>The stack's Region, from a subnet's availability zone (ARNs written by the rewrite carry it).</summary>
    private static string Region(StackEdit stack) =>
        stack.OfType(AwsTypes.Subnet).Select(s => Get(s, "availabilityZone")).OfType<StringValue>().Select(z => z.Value[..^1]).FirstOrDefault() ?? "us-east-1";

    private static bool LiteralsToReferences(StackEdit stack)
    {
        if (!stack.HasIds)
        {
            return false;
        }

        var byId = new Dictionary<string, PropertyValue>(StringComparer.Ordinal);
        foreach (var r in stack.Resources)
        {
            if (r.Id is { Length: > 0 } id)
            {
                byId.TryAdd(id, new ReferenceValue(r.Urn, "id"));
            }

            if (r.Outputs?.Properties.GetValueOrDefault("arn") is StringValue arn)
            {
                byId.TryAdd(arn.Value, new ReferenceValue(r.Urn, "arn"));
            }
        }

        var changed = false;
        foreach (var r in stack.Resources.ToList())
        {
            var inputs = (ObjectValue)Map(r.Inputs, v => v is StringValue s && byId.TryGetValue(s.Value, out var reference) && (changed = true) ? reference : v);
            stack.Replace(r, r with { Inputs = inputs });
        }

        return changed;
    }

    private static bool SetDefaults(StackEdit stack, bool explicitly)
    {
        var changed = false;
        foreach (var (type, key, value) in Defaults)
        {
            foreach (var r in stack.OfType(type))
            {
                var current = Get(r, key);
                if (explicitly && current is null && !(type == AwsTypes.NatGateway && Get(r, "availabilityMode") is not null))
                {
                    stack.Replace(r, With(r, key, value));
                    changed = true;
                }
                else if (!explicitly && current is not null && current == value)
                {
                    stack.Replace(r, With(r, key, null));
                    changed = true;
                }
            }
        }

        return changed;
    }

    private static bool ShortTypes(StackEdit stack)
    {
        var changed = false;
        foreach (var r in stack.Resources.ToList())
        {
            if (r.Type.Split(':') is [var pkg, var module, var member] && module.Contains('/', StringComparison.Ordinal))
            {
                stack.Replace(r, r with { Type = $"{pkg}:{module.Split('/')[0]}:{member}" });
                changed = true;
            }
        }

        return changed;
    }

    private static bool LaunchTypeToStrategy(StackEdit stack)
    {
        var strategy = new ArrayValue([new ObjectValue(Props(("capacityProvider", new StringValue("FARGATE")), ("weight", new NumberValue(1))))]);
        ObjectValue Convert(ObjectValue o) => o.Properties.GetValueOrDefault("launchType") is StringValue { Value: "FARGATE" }
            ? new ObjectValue(o.Properties.Where(p => p.Key != "launchType").Append(new("capacityProviderStrategies", strategy)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal))
            : o;
        var changed = false;
        foreach (var r in stack.Resources.ToList())
        {
            var type = ResourceGraph.CanonicalType(r.Type);
            var updated = type switch
            {
                AwsTypes.EcsService => Convert(r.Inputs),
                AwsTypes.EventTarget when Get(r, "ecsTarget") is ObjectValue t => new ObjectValue(new Dictionary<string, PropertyValue>(r.Inputs.Properties) { ["ecsTarget"] = Convert(t) }),
                AwsTypes.Schedule when Get(r, "target") is ObjectValue { Properties: var tp } t && tp.GetValueOrDefault("ecsParameters") is ObjectValue e =>
                    new ObjectValue(new Dictionary<string, PropertyValue>(r.Inputs.Properties) { ["target"] = new ObjectValue(new Dictionary<string, PropertyValue>(t.Properties) { ["ecsParameters"] = Convert(e) }) }),
                _ => r.Inputs,
            };
            if (Describe(updated) != Describe(r.Inputs))
            {
                stack.Replace(r, r with { Inputs = updated });
                changed = true;
            }
        }

        return changed;
    }

    private static bool ContainersAsJson(StackEdit stack)
    {
        var changed = false;
        foreach (var r in stack.OfType(AwsTypes.TaskDefinition))
        {
            if (Get(r, "containerDefinitions") is ArrayValue containers && Json(containers) is { } json)
            {
                stack.Replace(r, With(r, "containerDefinitions", new StringValue(json.ToJsonString())));
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>JSON of a value made of literals only; null when it holds a reference, an unknown or a secret.</summary>
    private static JsonNode? Json(PropertyValue value)
    {
        switch (value)
        {
            case StringValue s:
                return JsonValue.Create(s.Value);
            case BoolValue b:
                return JsonValue.Create(b.Value);
            case NumberValue n:
                return n.Value == Math.Floor(n.Value) ? JsonValue.Create((long)n.Value) : JsonValue.Create(n.Value);
            case ArrayValue a:
                var items = a.Items.Select(Json).ToList();
                return items.Any(i => i is null) ? null : new JsonArray([.. items]);
            case ObjectValue o:
                var props = o.Properties.Select(p => (p.Key, Node: Json(p.Value))).ToList();
                return props.Any(p => p.Node is null) ? null : new JsonObject(props.Select(p => KeyValuePair.Create(p.Key, p.Node)));
            default:
                return null;
        }
    }
}
