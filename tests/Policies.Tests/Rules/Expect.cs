using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Pack;
using FargateNetwork.Policies.Tests.Model;

namespace FargateNetwork.Policies.Tests.Rules;

/// <summary>Runs the pack and compares the exact set of (policy, resource name) violations.</summary>
public static class Expect
{
    public static Evaluation Evaluate(StackBuilder b, string? config = null) =>
        PolicyPack.Create(config is null ? null : (System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(config)!).Evaluate(b.Build());

    public static void Violations(StackBuilder b, params (string Policy, string Resource)[] expected) => ViolationsWith(b, null, expected);

    public static void ViolationsWith(StackBuilder b, string? config, params (string Policy, string Resource)[] expected)
    {
        var evaluation = Evaluate(b, config);
        var actual = evaluation.Violations.Select(v => (v.Policy, v.Name)).ToHashSet();
        var want = expected.ToHashSet();
        Assert.True(
            want.SetEquals(actual),
            $"expected [{string.Join(", ", want.Order())}]\nactual   [{string.Join(", ", actual.Order())}]\n"
            + string.Join("\n", evaluation.Violations.Select(v => $"  {v.Policy} {v.Name}: {v.Message}")));
    }
}
