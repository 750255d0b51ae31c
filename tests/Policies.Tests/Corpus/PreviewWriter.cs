using System.Text.Json;
using System.Text.Json.Nodes;
using StackRules.Inputs;

namespace FargateNetwork.Policies.Tests.Corpus;

/// <summary>
/// The <c>pulumi preview --json --show-sames</c> output of a deployed stack with nothing to change, derived from its
/// stack export: one <c>same</c> step per resource whose old and new state are the recorded state, with secrets
/// masked as <c>[secret]</c> the way the CLI prints them.
/// </summary>
public static class PreviewWriter
{
    public static string FromExport(string exportJson)
    {
        var export = JsonNode.Parse(exportJson)!;
        var steps = new JsonArray();
        foreach (var state in export["deployment"]!["resources"]!.AsArray())
        {
            var masked = Mask(state!.DeepClone())!;
            steps.Add(new JsonObject
            {
                ["op"] = "same",
                ["urn"] = state["urn"]!.GetValue<string>(),
                ["oldState"] = masked.DeepClone(),
                ["newState"] = masked,
            });
        }

        var preview = new JsonObject { ["steps"] = steps, ["changeSummary"] = new JsonObject { ["same"] = steps.Count } };
        return preview.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonNode? Mask(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj when obj[PulumiSignatures.Key]?.GetValue<string>() == PulumiSignatures.Secret:
                return StateValue.MaskedSecret;
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    obj[key] = Mask(obj[key]?.DeepClone());
                }

                return obj;
            case JsonArray array:
                return new JsonArray(array.Select(i => Mask(i?.DeepClone())).ToArray());
            default:
                return node;
        }
    }
}
