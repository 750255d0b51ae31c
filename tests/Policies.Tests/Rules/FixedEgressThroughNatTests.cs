using FargateNetwork.Policies.Tests.Model;
using static FargateNetwork.Policies.Tests.Model.StackBuilder;

namespace FargateNetwork.Policies.Tests.Rules;

/// <summary>
/// <c>fixed-egress-through-nat</c>: traffic to an allow-listed partner (configured or inferred) leaves every task subnet
/// through a NAT gateway with a fixed Elastic IP.
/// </summary>
public class FixedEgressThroughNatTests
{
    private const string FixedEgress = "fixed-egress-through-nat";
    private const string Config = """{"fixed-egress-through-nat":{"fixedEgressCidrs":["198.51.100.0/24"]}}""";

    [Fact]
    public void ConfiguredFixedEgressCidrWithoutNatRouteIsReported()
    {
        const string config = """{"fixed-egress-through-nat":{"fixedEgressCidrs":["192.0.2.0/24"]}}""";
        Expect.ViolationsWith(Scenarios.PublicNatEgress(), config, (FixedEgress, "app"));
        Expect.ViolationsWith(Scenarios.PrivateEndpointsWithFixedEgress(), """{"fixed-egress-through-nat":{"fixedEgressCidrs":["198.51.100.0/24","198.51.100.7/32"]}}""");
    }

    [Fact]
    public void FixedEgressRouteMissingInOneAzIsReported()
    {
        var b = Scenarios.PrivateEndpointsWithFixedEgress();
        b.Add("aws:ec2/routeTable:RouteTable", "privateRtC2", ("vpcId", b.Ref("vpc")));
        b.Set("privateRtC", "routeTableId", b.Ref("privateRtC2"));
        b.Set("s3", "routeTableIds", b.Refs("privateRt", "privateRtC2"));
        Expect.Violations(b, (FixedEgress, "app"));
        Assert.Contains("subnet taskC", Expect.Evaluate(b).Violations[0].Message, StringComparison.Ordinal);
    }

    // Issue 9 item 8: a regional NAT gateway in automatic mode (no availabilityZoneAddresses) picks and adds its
    // Elastic IPs as it expands, so it is no fixed egress; listing the addresses (manual mode) makes it one.
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
