using FargateNetwork.Policies.Tests.Model;

namespace FargateNetwork.Policies.Tests.Rules;

/// <summary>
/// <c>no-route-to-nat-in-own-subnet</c>: a subnet never routes to a NAT gateway that sits in it.
/// </summary>
public class NoRouteToNatInOwnSubnetTests
{
    private const string OwnSubnet = "no-route-to-nat-in-own-subnet";
    private const string FixedEgress = "fixed-egress-through-nat";

    [Theory]
    [InlineData(RefStyle.Reference)]
    [InlineData(RefStyle.Id)]
    public void NatInTheTaskSubnetIsSeed000sTrap(RefStyle style)
    {
        var b = Scenarios.PublicNatEgress(style);
        b.Set("nat", "subnetId", b.Ref("taskA"));
        Expect.Violations(b, (OwnSubnet, "taskA"), (FixedEgress, "app"));
    }
}
