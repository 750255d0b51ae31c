using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Pack;
using FargateNetwork.Policies.Tests.Model;

namespace FargateNetwork.Policies.Tests.Rules;

/// <summary>Runs the pack and compares the exact set of (policy, resource name) violations.</summary>
public static class Expect
{
    public static Evaluation Evaluate(StackBuilder b, string? config = null) => Evaluate(b.Build(), config);

    public static Evaluation Evaluate(IReadOnlyList<StackResource> resources, string? config = null) =>
        FargatePack.Create(config is null ? null : (System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(config)!).Evaluate(resources);

    public static void Violations(StackBuilder b, params (string Policy, string Resource)[] expected) => ViolationsWith(b, null, expected);

    public static void ViolationsWith(StackBuilder b, string? config, params (string Policy, string Resource)[] expected) =>
        Same(Evaluate(b, config), _ => true, expected);

    /// <summary>The exact set of mandatory violations (advisory findings are ignored).</summary>
    public static Evaluation Mandatory(IReadOnlyList<StackResource> resources, string? config, params (string Policy, string Resource)[] expected)
    {
        var evaluation = Evaluate(resources, config);
        Same(evaluation, v => v.Level == EnforcementLevel.Mandatory, expected);
        return evaluation;
    }

    public static Evaluation Mandatory(StackBuilder b, params (string Policy, string Resource)[] expected) => Mandatory(b.Build(), null, expected);

    /// <summary>The exact set of advisory findings.</summary>
    public static void Advisory(StackBuilder b, params (string Policy, string Resource)[] expected) =>
        Same(Evaluate(b), v => v.Level == EnforcementLevel.Advisory, expected);

    private static void Same(Evaluation evaluation, Func<Violation, bool> filter, (string Policy, string Resource)[] expected)
    {
        var actual = evaluation.Violations.Where(filter).Select(v => (v.Policy, v.Name)).ToHashSet();
        var want = expected.ToHashSet();
        Assert.True(
            want.SetEquals(actual),
            $"expected [{string.Join(", ", want.Order())}]\nactual   [{string.Join(", ", actual.Order())}]\n"
            + string.Join("\n", evaluation.Violations.Select(v => $"  {v.Policy} [{v.Level}] {v.Name}: {v.Message}")));
    }
}
