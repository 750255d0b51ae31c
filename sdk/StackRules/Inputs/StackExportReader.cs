using System.Text.Json;

namespace StackRules.Inputs;

/// <summary>
/// Reads the output of <c>pulumi stack export</c> (<c>{"version":3,"deployment":{"resources":[...]}}</c>): the
/// deployed state with ids, inputs, outputs and property dependencies. Resources pending deletion
/// (<c>"delete": true</c>) are left out: they are on their way out of the stack. A local backend's checkpoint file
/// (<c>~/.pulumi/stacks/PROJECT/STACK.json</c>: <c>{"version":3,"checkpoint":{"latest":{"resources":[...]}}}</c>)
/// holds the same deployment under <c>checkpoint.latest</c>.
/// </summary>
internal static class StackExportReader
{
    public static IReadOnlyList<StackResource> Read(JsonElement root, string file)
    {
        string where;
        JsonElement deployment;
        if (root.TryGetProperty("deployment", out deployment))
        {
            where = "deployment";
        }
        else
        {
            where = "checkpoint.latest";
            if (root.GetProperty("checkpoint") is not { ValueKind: JsonValueKind.Object } checkpoint)
            {
                throw new InputException($"{file}: checkpoint: expected an object");
            }

            if (!checkpoint.TryGetProperty("latest", out deployment) || deployment.ValueKind == JsonValueKind.Null)
            {
                return [];
            }
        }

        if (deployment.ValueKind != JsonValueKind.Object)
        {
            throw new InputException($"{file}: {where}: expected an object, found {StateResource.Kind(deployment)}");
        }

        if (!deployment.TryGetProperty("resources", out var resources) || resources.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (resources.ValueKind != JsonValueKind.Array)
        {
            throw new InputException($"{file}: {where}.resources: expected an array, found {StateResource.Kind(resources)}");
        }

        var result = new List<StackResource>(resources.GetArrayLength());
        var index = 0;
        foreach (var state in resources.EnumerateArray())
        {
            var at = $"{where}.resources[{index++}]";
            if (state.ValueKind == JsonValueKind.Object && state.TryGetProperty("delete", out var delete) && delete.ValueKind == JsonValueKind.True)
            {
                continue;
            }

            result.Add(StateResource.Read(state, file, at));
        }

        return result;
    }
}
