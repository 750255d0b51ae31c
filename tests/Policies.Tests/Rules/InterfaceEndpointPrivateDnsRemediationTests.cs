using System.Text.Json.Nodes;
using FargateNetwork.Policies.Pack;
using FargateNetwork.Policies.Tests.Model;

namespace FargateNetwork.Policies.Tests.Rules;

/// <summary>
/// Issue 14 item 3: at level <c>remediate</c>, <c>interface-endpoint-private-dns</c> rewrites the one property that
/// fixes what it reports (an endpoint's <c>privateDnsEnabled</c>, a VPC's DNS attributes), and a stack whose every
/// resource went through the remediations passes the policy.
/// </summary>
public class InterfaceEndpointPrivateDnsRemediationTests
{
    private const string PrivateDns = "interface-endpoint-private-dns";

    private static ConfiguredPack At(string level) =>
        FargatePack.Definition.Configure(new JsonObject { [PrivateDns] = level });

    public static TheoryData<string, string, string> Broken() => new()
    {
        { "ecr.dkr", "privateDnsEnabled", "privateDnsEnabled" },
        { "vpc", "enableDnsSupport", "enableDnsSupport" },
        { "vpc", "enableDnsHostnames", "enableDnsHostnames" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void RemediatingEveryResourceFixesTheStack(string resource, string property, string fixedProperty)
    {
        var stack = Scenarios.PrivateEndpoints().Set(resource, property, false).Build();
        var violation = Assert.Single(At("remediate").Evaluate(stack).Violations, v => v.Policy == PrivateDns);
        Assert.Equal((resource, EnforcementLevel.Remediate), (violation.Name, violation.Level));

        // What the engine does: each resource's inputs replaced by the remediation before it is registered.
        var remediated = stack.Select(r => At("remediate").Remediate(r) is [.., var last] ? r with { Inputs = last.Properties, Outputs = last.Properties } : r).ToList();
        var changed = Assert.Single(stack.Zip(remediated), p => !ReferenceEquals(p.First, p.Second));
        Assert.Equal(resource, changed.First.Name);
        Assert.Equal(new BoolValue(true), changed.Second.Inputs.Properties[fixedProperty]);
        Assert.DoesNotContain(At("mandatory").Evaluate(remediated).Violations, v => v.Policy == PrivateDns);
    }

    [Fact]
    public void AHealthyStackAndOtherLevelsGetNoRemediation()
    {
        var stack = Scenarios.PrivateEndpoints().Build();
        Assert.All(stack, r => Assert.Empty(At("remediate").Remediate(r)));
        var broken = Scenarios.PrivateEndpoints().Set("ecr.dkr", "privateDnsEnabled", false).Build();
        Assert.All(broken, r => Assert.Empty(At("mandatory").Remediate(r)));
    }

    [Fact]
    public void AnUnknownValueIsLeftAlone()
    {
        var stack = Scenarios.PrivateEndpoints().Set("ecr.dkr", "privateDnsEnabled", UnknownValue.Instance).Build();
        Assert.All(stack, r => Assert.Empty(At("remediate").Remediate(r)));
    }
}
