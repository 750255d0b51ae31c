using FargateNetwork.Policies.Tests.Model;

namespace FargateNetwork.Policies.Tests.Rules;

/// <summary>
/// <c>nat-gateway-in-public-subnet</c>: a public NAT gateway sits in a subnet whose route table sends
/// <c>0.0.0.0/0</c> to an internet gateway, and has an Elastic IP.
/// </summary>
public class NatGatewayInPublicSubnetTests
{
    private const string NatPublic = "nat-gateway-in-public-subnet";
    private const string FixedEgress = "fixed-egress-through-nat";

    [Theory]
    [InlineData(RefStyle.Reference)]
    [InlineData(RefStyle.Id)]
    public void NatSubnetWithoutInternetRouteIsReported(RefStyle style)
    {
        var b = Scenarios.PublicNatEgress(style);
        b.Unset("natRt", "routes");
        Expect.Violations(b, (NatPublic, "nat"), (FixedEgress, "app"));
    }

    [Fact]
    public void NatWithoutElasticIpIsReported()
    {
        var b = Scenarios.PublicNatEgress().Unset("nat", "allocationId");
        Expect.Violations(b, (NatPublic, "nat"), (FixedEgress, "app"));
    }
}
