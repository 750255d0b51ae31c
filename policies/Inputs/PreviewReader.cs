using System.Text.Json;
using FargateNetwork.Policies.Stack;

namespace FargateNetwork.Policies.Inputs;

/// <summary>
/// Reads the output of <c>pulumi preview --json</c> (<c>{"steps":[{"op","urn","newState","oldState"}],...}</c>): the
/// stack as it would be after the update, from each step's <c>newState</c>. Steps without a new state (deletes) are
/// skipped; a URN that appears in several steps (a replacement) is taken once. Values not known before the update
/// are the unknown sentinel; the model resolves an unknown whose property dependencies name one resource.
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
            var resource = StateResource.Read(newState, file, where + ".newState", stepUrn);
            if (seen.Add(resource.Urn))
            {
                result.Add(resource);
            }
        }

        return result;
    }
}
