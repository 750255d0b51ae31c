using FargateNetwork.Policies.Tests.Model;

namespace FargateNetwork.Policies.Tests.Rules;

/// <summary>
/// <c>endpoint-service-restricts-consumers</c>: an endpoint service never allows <c>*</c>; one with no allowed
/// principals is closed to every consumer (advisory).
/// </summary>
public class EndpointServiceRestrictsConsumersTests
{
    private const string Consumers = "endpoint-service-restricts-consumers";

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
