using System.Text.Json;

namespace StackRules.Inputs;

/// <summary>
/// Reads the output of <c>pulumi preview --json</c> (<c>{"steps":[{"op","urn","newState","oldState"}],...}</c>): the
/// stack as it would be after the update, from each step's <c>newState</c>. Steps without a new state (deletes) are
/// skipped; a URN that appears in several steps (a replacement) is taken once. Values not known before the update
/// are the unknown sentinel; the unknowns the property dependencies pin down become references
/// (<see cref="DependencyReferences"/>, the same resolver the analyzer uses).
/// The preview shows a step's new state before the step runs, so a resource that stays (<c>same</c>, <c>update</c>)
/// has no id and no outputs there yet: they come from its <c>oldState</c>, so that other resources' literal ids
/// resolve. Secrets are printed as the string <c>[secret]</c> (pulumi/pulumi <c>pkg/backend/display/json.go</c>
/// always masks them): a secret whose value is unknown.
/// <para>
/// <c>pulumi preview --json</c> lists unchanged resources only with <c>--show-sames</c> (pulumi/pulumi
/// <c>pkg/backend/display/display.go</c> <c>shouldShow</c>: a <c>same</c> step is shown when
/// <c>ShowSameResources</c> is set, and the flag defaults to false). Without it, a preview of a deployed stack holds
/// only the changed resources: a changed ECS service without the subnets, routes and endpoints it relies on would
/// look like a broken network. Such a partial preview is refused: when a listed resource's parent, dependencies or
/// property dependencies name a resource that no step lists, the input is rejected with the fix.
/// </para>
/// </summary>
internal static class PreviewReader
{
    public static IReadOnlyList<StackResource> Read(JsonElement root, string file, DependencyReferences references)
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
        var listed = new HashSet<string>(StringComparer.Ordinal);
        var needed = new List<(string Urn, string By)>();
        var index = 0;
        foreach (var step in steps.EnumerateArray())
        {
            var where = $"steps[{index++}]";
            if (step.ValueKind != JsonValueKind.Object)
            {
                throw new InputException($"{file}: {where}: expected a step object, found {StateResource.Kind(step)}");
            }

            var stepUrn = step.TryGetProperty("urn", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
            if (stepUrn is not null)
            {
                listed.Add(stepUrn);
            }

            if (!step.TryGetProperty("newState", out var newState) || newState.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

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

            resource = resource with
            {
                Inputs = resource.PropertyDependencies is { } dependencies
                    ? references.Resolve(resource.Inputs, dependencies)
                    : resource.Inputs,
            };
            if (seen.Add(resource.Urn))
            {
                result.Add(resource);
                listed.Add(resource.Urn);
                Needed(resource, newState, needed);
            }
        }

        foreach (var (urn, by) in needed)
        {
            if (!listed.Contains(urn))
            {
                throw new InputException(
                    $"{file}: a partial preview: {Urn.Name(by)} depends on {Urn.Name(urn)} ({urn}), which no step lists; " +
                    "pulumi preview --json leaves unchanged resources out: run `pulumi preview --json --show-sames` so the whole stack is checked");
            }
        }

        return result;
    }

    /// <summary>The resources <paramref name="resource"/> names: its parent, dependencies and property dependencies.</summary>
    private static void Needed(StackResource resource, JsonElement state, List<(string Urn, string By)> needed)
    {
        if (resource.Parent is { } parent)
        {
            needed.Add((parent, resource.Urn));
        }

        if (state.TryGetProperty("dependencies", out var dependencies) && dependencies.ValueKind == JsonValueKind.Array)
        {
            foreach (var dependency in dependencies.EnumerateArray())
            {
                if (dependency.ValueKind == JsonValueKind.String && dependency.GetString() is { Length: > 0 } urn)
                {
                    needed.Add((urn, resource.Urn));
                }
            }
        }

        foreach (var urns in resource.PropertyDependencies?.Values ?? [])
        {
            needed.AddRange(urns.Select(urn => (urn, resource.Urn)));
        }
    }
}
