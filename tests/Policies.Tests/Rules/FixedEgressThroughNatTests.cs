using FargateNetwork.Policies.Tests.Model;
using static FargateNetwork.Policies.Tests.Model.StackBuilder;

namespace FargateNetwork.Policies.Tests.Rules;

/// <summary>
/// Issue 9 item 8: a regional NAT gateway in automatic mode (no <c>availabilityZoneAddresses</c>) picks and adds its
/// Elastic IPs as it expands, so it is no fixed egress; listing the addresses (manual mode) makes it one.
/// </summary>
public class FixedEgressThroughNatTests
{
    private const string FixedEgress = "fixed-egress-through-nat";
    private const string Config = """{"fixed-egress-through-nat":{"fixedEgressCidrs":["198.51.100.0/24"]}}""";

    private static StackBuilder RegionalNat(RefStyle style)
    {
        var b = Scenarios.PrivateEndpoints(style);
        b.Add("aws:ec2/internetGateway:InternetGateway", "igw", ("vpcId", b.Ref("vpc")));
        b.Add("aws:ec2/natGateway:NatGateway", "regionalNat", ("availabilityMode", "regional"), ("vpcId", b.Ref("vpc")));
        b.Add("aws:ec2/route:Route", "partner", ("routeTableId", b.Ref("privateRt")), ("destinationCidrBlock", "198.51.100.0/24"), ("natGatewayId", b.Ref("regionalNat")));
        return b;
    }

    [Theory]
    [InlineData(RefStyle.Reference)]
    [InlineData(RefStyle.Id)]
    public void AutomaticRegionalNatIsNotAFixedEgress(RefStyle style)
    {
        var evaluation = Expect.Mandatory(RegionalNat(style).Build(), Config, (FixedEgress, "app"));
        Assert.All(evaluation.Violations, v => Assert.Contains("automatic mode", v.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void RegionalNatWithListedAddressesIsAFixedEgress()
    {
        var b = RegionalNat(RefStyle.Reference);
        b.Add("aws:ec2/eip:Eip", "eipA", ("domain", "vpc"));
        b.Set("regionalNat", "availabilityZoneAddresses", new[] { Obj(("availabilityZone", "ap-northeast-1a"), ("allocationIds", new[] { b.Ref("eipA") })) });
        Expect.Mandatory(b.Build(), Config);
    }

    [Fact]
    public void InferredAllowListThroughAnAutomaticRegionalNatIsReported() =>
        Expect.Mandatory(RegionalNat(RefStyle.Reference).Build(), null, (FixedEgress, "app"));
}
