using System.Text.Json;
using FargateNetwork.Policies.Stack;

namespace FargateNetwork.Policies.Inputs;

/// <summary>
/// Reads the output of <c>pulumi stack export</c> (<c>{"version":3,"deployment":{"resources":[...]}}</c>): the
/// deployed state with ids, inputs, outputs and property dependencies. Resources pending deletion
/// (<c>"delete": true</c>) are left out: they are on their way out of the stack.
/// </summary>
public static class StackExportReader
{
    public static IReadOnlyList<StackResource> Read(JsonElement root, string file)
    {
        if (root.GetProperty("deployment") is not { ValueKind: JsonValueKind.Object } deployment)
        {
            throw new InputException($"{file}: deployment: expected an object");
        }

        if (!deployment.TryGetProperty("resources", out var resources) || resources.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (resources.ValueKind != JsonValueKind.Array)
        {
            throw new InputException($"{file}: deployment.resources: expected an array, found {StateResource.Kind(resources)}");
        }

        var result = new List<StackResource>(resources.GetArrayLength());
        var index = 0;
        foreach (var state in resources.EnumerateArray())
        {
            var where = $"deployment.resources[{index++}]";
            if (state.ValueKind == JsonValueKind.Object && state.TryGetProperty("delete", out var delete) && delete.ValueKind == JsonValueKind.True)
            {
                continue;
            }

            result.Add(StateResource.Read(state, file, where));
        }

        return result;
    }
}
