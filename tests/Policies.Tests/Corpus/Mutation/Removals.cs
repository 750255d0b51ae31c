using System.Text.Json.Nodes;
using FargateNetwork.Policies.Model;
using static FargateNetwork.Policies.Tests.Corpus.Mutation.StackEdit;

namespace FargateNetwork.Policies.Tests.Corpus.Mutation;

/// <summary>
/// Removing or disabling something the tasks do not depend on: a resource the case lists as unneeded, tags and
/// descriptions, a need the tasks drop (a container's secrets, its log configuration, ECS Exec, Service Connect, the
/// load balancer), an endpoint service, or an extra endpoint for a service no task uses. None of these may add a
/// mandatory violation.
/// </summary>
public static class Removals
{
    public static IEnumerable<Rewrite> For(CorpusCase c) =>
    [
        .. c.Unneeded.Select(name => new Rewrite($"remove unneeded {name}", s => RemoveNamed(s, name))),
        .. c.Unneeded.Select(name => new Rewrite($"private DNS off on unneeded {name}", s => PrivateDnsOff(s, name))),
        new("remove tags and descriptions", RemoveTagsAndDescriptions),
        new("drop container secrets", s => DropContainerKey(s, "secrets")),
        new("drop container log configuration", s => DropContainerKey(s, "logConfiguration")),
        new("turn ECS Exec off", TurnExecOff),
        new("drop Service Connect", s => EditPlacements(s, o => Without(o, "serviceConnectConfiguration"))),
        new("drop the service's load balancers", s => EditPlacements(s, o => Without(o, "loadBalancers"))),
        new("remove endpoint services", s => RemoveTypes(s, AwsTypes.VpcEndpointService, AwsTypes.VpcEndpointServiceAllowedPrinciple)),
        new("add an sqs endpoint at provider defaults", AddUnusedEndpoint),
    ];

    private static bool RemoveNamed(StackEdit stack, string name)
    {
        // Absent once an earlier mutation of a chain removed it (RemovalTests checks every listed name exists).
        if (stack.ByName(name) is not { } r)
        {
            return false;
        }

        stack.Remove(r);
        return true;
    }

    private static bool PrivateDnsOff(StackEdit stack, string name)
    {
        if (stack.ByName(name) is not { } r || ResourceGraph.CanonicalType(r.Type) != AwsTypes.VpcEndpoint || Get(r, "vpcEndpointType") is not StringValue { Value: "Interface" })
        {
            return false;
        }

        stack.Replace(r, With(r, "privateDnsEnabled", new BoolValue(false)));
        return true;
    }

    private static bool RemoveTypes(StackEdit stack, params string[] types)
    {
        var matches = types.SelectMany(stack.OfType).ToList();
        matches.ForEach(stack.Remove);
        return matches.Count > 0;
    }

    private static bool RemoveTagsAndDescriptions(StackEdit stack)
    {
        var changed = false;
        foreach (var r in stack.Resources.ToList())
        {
            if (Get(r, "tags") is not null || Get(r, "description") is not null)
            {
                stack.Replace(r, With(With(r, "tags", null), "description", null));
                changed = true;
            }
        }

        return changed;
    }

    private static bool TurnExecOff(StackEdit stack)
    {
        static ObjectValue Off(ObjectValue o) => o.Properties.GetValueOrDefault("enableExecuteCommand") is BoolValue { Value: true }
            ? new ObjectValue(new Dictionary<string, PropertyValue>(o.Properties) { ["enableExecuteCommand"] = new BoolValue(false) })
            : o;
        return EditPlacements(stack, Off);
    }

    /// <summary>Edits the task-launch object of every service, EventBridge ecsTarget and Scheduler ecsParameters.</summary>
    private static bool EditPlacements(StackEdit stack, Func<ObjectValue, ObjectValue> edit)
    {
        var changed = false;
        foreach (var r in stack.Resources.ToList())
        {
            ObjectValue? updated = ResourceGraph.CanonicalType(r.Type) switch
            {
                AwsTypes.EcsService => edit(r.Inputs),
                AwsTypes.EventTarget when Get(r, "ecsTarget") is ObjectValue t => Replace(r.Inputs, "ecsTarget", edit(t)),
                AwsTypes.Schedule when Get(r, "target") is ObjectValue t && t.Properties.GetValueOrDefault("ecsParameters") is ObjectValue e =>
                    Replace(r.Inputs, "target", Replace(t, "ecsParameters", edit(e))),
                _ => null,
            };
            if (updated is not null && Describe(updated) != Describe(r.Inputs))
            {
                stack.Replace(r, r with { Inputs = updated });
                changed = true;
            }
        }

        return changed;
    }

    private static bool DropContainerKey(StackEdit stack, string key)
    {
        var changed = false;
        foreach (var r in stack.OfType(AwsTypes.TaskDefinition))
        {
            var value = Get(r, "containerDefinitions");
            var inner = value is SecretValue s ? s.Inner : value;
            PropertyValue? edited = inner switch
            {
                ArrayValue a => new ArrayValue(a.Items.Select(i => i is ObjectValue o ? Without(o, key) : i).ToList()),
                StringValue json when JsonNode.Parse(json.Value) is JsonArray containers => new StringValue(WithoutKey(containers, key)),
                _ => null,
            };
            if (edited is not null && Describe(edited) != Describe(inner!))
            {
                stack.Replace(r, With(r, "containerDefinitions", value is SecretValue ? new SecretValue(edited) : edited));
                changed = true;
            }
        }

        return changed;
    }

    private static string WithoutKey(JsonArray containers, string key)
    {
        foreach (var container in containers.OfType<JsonObject>())
        {
            container.Remove(key);
        }

        return containers.ToJsonString();
    }

    private static bool AddUnusedEndpoint(StackEdit stack)
    {
        if (stack.OfType(AwsTypes.Vpc).FirstOrDefault() is not { } vpc || stack.OfType(AwsTypes.Subnet).FirstOrDefault() is not { } subnet)
        {
            return false;
        }

        var region = Get(subnet, "availabilityZone") is StringValue az ? az.Value[..^1] : "us-east-1";
        stack.Add(stack.New(AwsTypes.VpcEndpoint, "unused-sqs", Props(
            ("vpcId", stack.RefTo(vpc)),
            ("serviceName", new StringValue($"com.amazonaws.{region}.sqs")),
            ("vpcEndpointType", new StringValue("Interface")),
            ("subnetIds", new ArrayValue([stack.RefTo(subnet)])))));
        return true;
    }

    private static ObjectValue Without(ObjectValue o, string key) =>
        o.Properties.ContainsKey(key) ? new ObjectValue(o.Properties.Where(p => p.Key != key).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)) : o;

    private static ObjectValue Replace(ObjectValue o, string key, PropertyValue value) =>
        new(new Dictionary<string, PropertyValue>(o.Properties, StringComparer.Ordinal) { [key] = value });
}
