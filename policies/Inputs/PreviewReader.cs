using System.Text.Json;
using FargateNetwork.Policies.Stack;

namespace FargateNetwork.Policies.Inputs;

/// <summary>
/// Reads the output of <c>pulumi preview --json</c> (<c>{"steps":[{"op","urn","newState","oldState"}],...}</c>): the
/// stack as it would be after the update, from each step's <c>newState</c>. Steps without a new state (deletes) are
/// skipped; a URN that appears in several steps (a replacement) is taken once. Values not known before the update
/// are the unknown sentinel; the model resolves an unknown whose property dependencies name one resource, this
/// reader the lists of unknowns the dependencies pin down (see <see cref="ResolveUnknownLists"/>).
/// The preview shows a step's new state before the step runs, so a resource that stays (<c>same</c>, <c>update</c>)
/// has no id and no outputs there yet: they come from its <c>oldState</c>, so that other resources' literal ids
/// resolve. Secrets are printed as the string <c>[secret]</c> (pulumi/pulumi <c>pkg/backend/display/json.go</c>
/// always masks them): a secret whose value is unknown.
/// </summary>
public static class PreviewReader
{
    public static IReadOnlyList<StackResource> Read(JsonElement root, string file)
    {
        var steps = root.GetProperty("steps");
        if (steps.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (steps.ValueKind != JsonValueKind.Array)
        {
            throw new InputException($"{file}: steps: expected an array, found {StateResource.Kind(steps)}");
        }

        var result = new List<StackResource>(steps.GetArrayLength());
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var step in steps.EnumerateArray())
        {
            var where = $"steps[{index++}]";
            if (step.ValueKind != JsonValueKind.Object)
            {
                throw new InputException($"{file}: {where}: expected a step object, found {StateResource.Kind(step)}");
            }

            if (!step.TryGetProperty("newState", out var newState) || newState.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            var stepUrn = step.TryGetProperty("urn", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
            var resource = StateResource.Read(newState, file, where + ".newState", stepUrn, StateValue.Dialect.Preview);
            var op = step.TryGetProperty("op", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString() : null;
            if (op is "same" or "update" or "refresh" or "read" or "import"
                && step.TryGetProperty("oldState", out var oldState) && oldState.ValueKind == JsonValueKind.Object)
            {
                var old = StateResource.Read(oldState, file, where + ".oldState", stepUrn, StateValue.Dialect.Preview);
                resource = resource with
                {
                    Id = resource.Id ?? old.Id,
                    Outputs = resource.Outputs is { Properties.Count: > 0 } ? resource.Outputs : old.Outputs,
                };
            }

            resource = resource with { Inputs = ResolveUnknownLists(resource) };
            if (seen.Add(resource.Urn))
            {
                result.Add(resource);
            }
        }

        return result;
    }

    /// <summary>
    /// Unknown references the property dependencies pin down (a resource created in the same update has no id yet):
    /// <list type="bullet">
    /// <item>a top-level list of N unknowns that depends on N resources of one type (<c>subnetIds</c> of two new
    /// subnets) lists those resources;</item>
    /// <item>a list of N unknowns, at any depth, under a key that names a network resource type (<c>subnets</c>,
    /// <c>securityGroups</c>, <c>routeTableIds</c>...) lists the N resources of that type among the top-level
    /// property's dependencies (an ECS service's <c>networkConfiguration.subnets</c>);</item>
    /// <item>a single unknown under such a key is the one resource of that type among them.</item>
    /// </list>
    /// Each item can only come from one of those resources. Anything less certain stays unknown.
    /// </summary>
    private static ObjectValue ResolveUnknownLists(StackResource resource)
    {
        if (resource.PropertyDependencies is not { Count: > 0 } dependencies)
        {
            return resource.Inputs;
        }

        Dictionary<string, PropertyValue>? changed = null;
        foreach (var (name, value) in resource.Inputs.Properties)
        {
            if (!dependencies.TryGetValue(name, out var urns) || urns.Count == 0)
            {
                continue;
            }

            var distinct = urns.Distinct(StringComparer.Ordinal).ToList();
            PropertyValue resolved;
            if (value is ArrayValue { Items.Count: > 0 } list && list.Items.All(i => i is UnknownValue)
                && distinct.Count == list.Items.Count && distinct.Select(TypeOf).Distinct(StringComparer.Ordinal).Count() == 1)
            {
                resolved = References(distinct);
            }
            else
            {
                resolved = Resolve(value, name, distinct, topLevel: true, 0);
            }

            if (!ReferenceEquals(resolved, value))
            {
                changed ??= new Dictionary<string, PropertyValue>(resource.Inputs.Properties, StringComparer.Ordinal);
                changed[name] = resolved;
            }
        }

        return changed is null ? resource.Inputs : new ObjectValue(changed);
    }

    /// <summary>Resolves unknowns under hinted keys; returns the same instance when nothing changes.</summary>
    private static PropertyValue Resolve(PropertyValue value, string key, List<string> dependencies, bool topLevel, int depth)
    {
        if (depth > 64)
        {
            return value;
        }

        switch (value)
        {
            case ArrayValue { Items.Count: > 0 } list when list.Items.All(i => i is UnknownValue):
                var candidates = Candidates(key, dependencies);
                return candidates is not null && candidates.Count == list.Items.Count ? References(candidates) : value;
            case UnknownValue when !topLevel:
                // A top-level unknown with one dependency is resolved by the model; here only nested ones.
                var single = Candidates(key, dependencies);
                return single is { Count: 1 } ? new ReferenceValue(single[0], "id") : value;
            case ObjectValue obj:
                Dictionary<string, PropertyValue>? changed = null;
                foreach (var (name, inner) in obj.Properties)
                {
                    var resolved = Resolve(inner, name, dependencies, false, depth + 1);
                    if (!ReferenceEquals(resolved, inner))
                    {
                        changed ??= new Dictionary<string, PropertyValue>(obj.Properties, StringComparer.Ordinal);
                        changed[name] = resolved;
                    }
                }

                return changed is null ? value : new ObjectValue(changed);
            default:
                return value;
        }
    }

    /// <summary>The dependencies of the type a key names, or null when the key names none.</summary>
    private static List<string>? Candidates(string key, List<string> dependencies)
    {
        string? type = key.ToLowerInvariant() switch
        {
            var k when k.Contains("subnet", StringComparison.Ordinal) => "aws:ec2/subnet:Subnet",
            var k when k.Contains("securitygroup", StringComparison.Ordinal) => "aws:ec2/securityGroup:SecurityGroup",
            var k when k.Contains("routetable", StringComparison.Ordinal) => "aws:ec2/routeTable:RouteTable",
            _ => null,
        };
        return type is null ? null : dependencies.Where(u => TypeOf(u) == type).ToList();
    }

    private static ArrayValue References(IEnumerable<string> urns) =>
        new(urns.Select(u => (PropertyValue)new ReferenceValue(u, "id")).ToList());

    private static string TypeOf(string urn)
    {
        var parts = urn.Split("::");
        return parts.Length >= 4 ? parts[2][(parts[2].LastIndexOf('$') + 1)..] : urn;
    }
}
