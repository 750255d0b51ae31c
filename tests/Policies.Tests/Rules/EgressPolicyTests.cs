using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Pack;
using FargateNetwork.Policies.Tests.Model;
using static FargateNetwork.Policies.Tests.Model.StackBuilder;

namespace FargateNetwork.Policies.Tests.Rules;

/// <summary>NAT placement, public IPs, fixed egress and NAT cost, as mutations of the public-NAT-egress and private stacks.</summary>
public class EgressPolicyTests
{
    private const string NatPublic = "nat-gateway-in-public-subnet";
    private const string OwnSubnet = "no-route-to-nat-in-own-subnet";
    private const string PublicIp = "fargate-public-ip-matches-subnet";
    private const string FixedEgress = "fixed-egress-through-nat";
    private const string Pulls = "image-pulls-through-nat";
    private const string Endpoints = "private-fargate-subnet-endpoints";

    [Theory]
    [InlineData(RefStyle.Reference)]
    [InlineData(RefStyle.Id)]
    public void NatInTheTaskSubnetIsSeed000sTrap(RefStyle style)
    {
        var b = Scenarios.PublicNatEgress(style);
        b.Set("nat", "subnetId", b.Ref("taskA"));
        Expect.Violations(b, (OwnSubnet, "taskA"), (FixedEgress, "app"));
    }

    [Theory]
    [InlineData(RefStyle.Reference)]
    [InlineData(RefStyle.Id)]
    public void PublicSubnetWithoutPublicIpCannotPull(RefStyle style)
    {
        var b = Scenarios.PublicNatEgress(style);
        b.Set("app", "networkConfiguration", Obj(("subnets", b.Refs("taskA")), ("securityGroups", b.Refs("taskSg")), ("assignPublicIp", false)));
        Expect.Violations(b, (PublicIp, "app"), (Endpoints, "app"));
    }

    [Fact]
    public void PublicSubnetTasksWithoutEgressCannotPull()
    {
        var b = Scenarios.PublicNatEgress().Unset("taskSg", "egress");
        Expect.Violations(b, (Endpoints, "app"));
        Assert.Contains("let no TCP 443 out", Expect.Evaluate(b).Violations[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PublicSubnetWithoutPublicIpButAllEndpointsIsFine()
    {
        var b = Scenarios.PrivateEndpoints();
        Scenarios.PublicNat(b);
        b.Add("aws:ec2/route:Route", "defaultToIgw", ("routeTableId", b.Ref("privateRt")), ("destinationCidrBlock", "0.0.0.0/0"), ("gatewayId", b.Ref("igw")));
        Expect.Violations(b);
    }

    [Fact]
    public void PublicIpInAPrivateSubnetIsAdvisory()
    {
        var b = Scenarios.PrivateEndpoints();
        b.Set("app", "networkConfiguration", Obj(("subnets", b.Refs("taskA", "taskC")), ("securityGroups", b.Refs("taskSg")), ("assignPublicIp", true)));
        Expect.Violations(b, (PublicIp, "app"));
        Assert.All(Expect.Evaluate(b).Violations, v => Assert.Equal(EnforcementLevel.Advisory, v.Level));
    }

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

    [Fact]
    public void PrivateNatIsNotAnInternetPath()
    {
        var b = Scenarios.Vpc(RefStyle.Reference);
        b.Add("aws:ec2/subnet:Subnet", "transit", ("vpcId", b.Ref("vpc")), ("cidrBlock", "10.0.50.0/24"), ("availabilityZone", "ap-northeast-1a"));
        b.Add("aws:ec2/natGateway:NatGateway", "privateNat", ("subnetId", b.Ref("transit")), ("connectivityType", "private"));
        b.Add("aws:ec2/routeTable:RouteTable", "taskRt", ("vpcId", b.Ref("vpc")), ("routes", new[] { Obj(("cidrBlock", "0.0.0.0/0"), ("natGatewayId", b.Ref("privateNat"))) }));
        b.Add("aws:ec2/routeTableAssociation:RouteTableAssociation", "taskRtA", ("subnetId", b.Ref("taskA")), ("routeTableId", b.Ref("taskRt")));
        Scenarios.TaskDefinition(b);
        Scenarios.FargateService(b, false, "taskA");
        Expect.Violations(b, (Endpoints, "app"));
        Assert.Contains("private (connectivityType private)", Expect.Evaluate(b).Violations[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SubnetWithoutRouteTableAssociationUsesTheLocalOnlyMainTable()
    {
        var b = Scenarios.PublicNatEgress().Remove("taskRtA");
        Expect.Violations(b, (Endpoints, "app"), (PublicIp, "app"));
    }

    [Fact]
    public void MainRouteTableAssociationIsFollowed()
    {
        var b = Scenarios.PublicNatEgress().Remove("taskRtA");
        b.Add("aws:ec2/mainRouteTableAssociation:MainRouteTableAssociation", "main", ("vpcId", b.Ref("vpc")), ("routeTableId", b.Ref("taskRt")));
        Expect.Violations(b);
    }

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

    [Fact]
    public void ImagePullsThroughNatGiveTheMonthlyCost()
    {
        var b = Scenarios.PrivateEndpoints().Remove("s3").Remove("ecr.api").Remove("ecr.dkr");
        Scenarios.PublicNat(b);
        b.Add("aws:ec2/route:Route", "defaultToNat", ("routeTableId", b.Ref("privateRt")), ("destinationCidrBlock", "0.0.0.0/0"), ("natGatewayId", b.Ref("nat")));
        var evaluation = Expect.Evaluate(b, """{"image-pulls-through-nat":{"pullsPerDay":100,"imageSizeGiB":1}}""");
        var violation = Assert.Single(evaluation.Violations);
        Assert.Equal((Pulls, "app", EnforcementLevel.Advisory), (violation.Policy, violation.Name, violation.Level));

        // 100 pulls × 1 GiB × 30 days = 3000 GB at Tokyo's $0.062/GB = $186.00; 2 interface endpoints × 2 AZs × 730 h × $0.014 = $40.88.
        Assert.Contains("$186.00/month", violation.Message, StringComparison.Ordinal);
        Assert.Contains("$40.88/month", violation.Message, StringComparison.Ordinal);
        var s3Rows = evaluation.Reachability.Where(r => r.Destination == "s3").ToList();
        Assert.Equal(2, s3Rows.Count);
        Assert.All(s3Rows, r => Assert.Equal(("nat-gateway", 93.00m), (r.Path, r.MonthlyCostUsd)));
    }

    [Fact]
    public void NatPriceCanBeOverridden()
    {
        var b = Scenarios.PrivateEndpoints().Remove("s3");
        Scenarios.PublicNat(b);
        b.Add("aws:ec2/route:Route", "defaultToNat", ("routeTableId", b.Ref("privateRt")), ("destinationCidrBlock", "0.0.0.0/0"), ("natGatewayId", b.Ref("nat")));
        var evaluation = Expect.Evaluate(b, """{"image-pulls-through-nat":{"pullsPerDay":10,"imageSizeGiB":1,"natGatewayPerGbUsd":0.1}}""");
        Assert.Contains("$30.00/month", Assert.Single(evaluation.Violations).Message, StringComparison.Ordinal);
    }
}
