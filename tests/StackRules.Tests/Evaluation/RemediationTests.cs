using System.Text.Json.Nodes;

namespace StackRules.Tests.Evaluation;

public class RemediationTests
{
    private static ConfiguredPack At(string level) =>
        new PolicyPack("p", "1", [Stacks.NoPublicTaskIp()]).Configure(new JsonObject { ["no-public-task-ip"] = level });

    [Fact]
    public void AtRemediateTheRemediationRewritesTheInputs()
    {
        var service = Stacks.ServiceWithPublicIp(new BoolValue(true));
        var remediation = Assert.Single(At("remediate").Remediate(service));
        Assert.Equal("no-public-task-ip", remediation.Policy);
        Assert.Empty(At("mandatory").AnalyzeResource(service with { Inputs = remediation.Properties }));
    }

    [Theory]
    [InlineData("mandatory")]
    [InlineData("advisory")]
    [InlineData("disabled")]
    public void BelowRemediateNothingIsRewritten(string level) =>
        Assert.Empty(At(level).Remediate(Stacks.ServiceWithPublicIp(new BoolValue(true))));

    [Fact]
    public void ARemediationThatChangesNothingIsNotSent() =>
        Assert.Empty(At("remediate").Remediate(Stacks.ServiceWithPublicIp(new BoolValue(false))));

    [Fact]
    public void OfflineAViolationTheRemediationFixesIsReportedAtRemediate()
    {
        var violation = Assert.Single(At("remediate").Evaluate([Stacks.ServiceWithPublicIp(new BoolValue(true))]).Violations);
        Assert.Equal(EnforcementLevel.Remediate, violation.Level);
    }

    [Fact]
    public void AViolationOfARemediatePolicyWithoutRemediationIsMandatory()
    {
        var plain = new ResourcePolicy("plain", "No remediation.") { Validate = (_, violations) => violations.Add("always") };
        var pack = new PolicyPack("p", "1", [plain]).Configure(new JsonObject { ["plain"] = "remediate" });
        Assert.Equal(EnforcementLevel.Mandatory, Assert.Single(pack.Evaluate([Stacks.Resource("x:y/z:Z", "r")]).Violations).Level);
    }
}
