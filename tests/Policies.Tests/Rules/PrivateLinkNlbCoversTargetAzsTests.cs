using FargateNetwork.Policies.Tests.Model;

namespace FargateNetwork.Policies.Tests.Rules;

/// <summary>
/// <c>privatelink-nlb-covers-target-azs</c>: the load balancer behind an endpoint service is an internal NLB in every
/// target AZ, with IP targets.
/// </summary>
public class PrivateLinkNlbCoversTargetAzsTests
{
    private const string Nlb = "privatelink-nlb-covers-target-azs";

    [Theory]
    [InlineData(RefStyle.Reference)]
    [InlineData(RefStyle.Id)]
    public void InternetFacingNlbIsReported(RefStyle style) =>
        Expect.Violations(Scenarios.PrivateLink(style).Set("nlb", "internal", false), (Nlb, "nlb"));

    [Fact]
    public void NlbDefaultsToInternetFacing() =>
        Expect.Violations(Scenarios.PrivateLink().Unset("nlb", "internal"), (Nlb, "nlb"));

    [Theory]
    [InlineData(RefStyle.Reference)]
    [InlineData(RefStyle.Id)]
    public void NlbMissingATargetAzIsReported(RefStyle style)
    {
        var b = Scenarios.PrivateLink(style);
        b.Set("nlb", "subnets", b.Refs("taskA"));
        Expect.Violations(b, (Nlb, "nlb"));
        Assert.Contains("ap-northeast-1c", Expect.Evaluate(b).Violations[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InstanceTargetGroupIsReported() =>
        Expect.Violations(Scenarios.PrivateLink().Unset("tg", "targetType"), (Nlb, "tg"));

    [Fact]
    public void ApplicationLoadBalancerBehindAnEndpointServiceIsReported() =>
        Expect.Violations(Scenarios.PrivateLink().Set("nlb", "loadBalancerType", "application"), (Nlb, "nlb"));
}
