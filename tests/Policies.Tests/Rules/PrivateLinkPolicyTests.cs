using FargateNetwork.Policies.Tests.Model;

namespace FargateNetwork.Policies.Tests.Rules;

public class PrivateLinkPolicyTests
{
    private const string Nlb = "privatelink-nlb-covers-target-azs";
    private const string Consumers = "endpoint-service-restricts-consumers";

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

    /// <summary>
    /// Issue 9 item 3: no allowed principals means no consumer can connect (PrivateLink guide, "If you grant
    /// permissions to all principals, the service is public"; none granted: available to nobody), so the service is
    /// closed: an advisory that nobody can connect, never mandatory.
    /// </summary>
    [Fact]
    public void AutoAcceptWithoutPrincipalsIsClosedAndOnlyAdvisory()
    {
        var b = Scenarios.PrivateLink().Set("endpointService", "acceptanceRequired", false).Unset("endpointService", "allowedPrincipals");
        Expect.Mandatory(b);
        Expect.Advisory(b, (Consumers, "endpointService"));
        Assert.Contains("no consumer can connect", Expect.Evaluate(b).Violations.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AutoAcceptWithNamedPrincipalsPasses() =>
        Expect.Violations(Scenarios.PrivateLink().Set("endpointService", "acceptanceRequired", false));

    [Fact]
    public void StarPrincipalIsReportedEvenWithAcceptance() =>
        Expect.Violations(Scenarios.PrivateLink().Set("endpointService", "allowedPrincipals", new[] { "*" }), (Consumers, "endpointService"));

    [Fact]
    public void StarPrincipalFromASeparateResourceIsReported()
    {
        var b = Scenarios.PrivateLink().Set("endpointService", "acceptanceRequired", false).Unset("endpointService", "allowedPrincipals");
        b.Add("aws:ec2/vpcEndpointServiceAllowedPrinciple:VpcEndpointServiceAllowedPrinciple", "everyone", ("vpcEndpointServiceId", b.Ref("endpointService")), ("principalArn", "*"));
        Expect.Violations(b, (Consumers, "endpointService"));
    }
}
