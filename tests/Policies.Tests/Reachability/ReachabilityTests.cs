using FargateNetwork.Policies.Model;
using FargateNetwork.Policies.Pack;
using FargateNetwork.Policies.Reachability;
using FargateNetwork.Policies.Tests.Model;
using static FargateNetwork.Policies.Tests.Model.StackBuilder;

namespace FargateNetwork.Policies.Tests.Reachability;

public class ReachabilityTests
{
    private static NetworkPath Path(StackBuilder b, string subnet, Destination destination, string placement = "app")
    {
        var analysis = new ReachabilityAnalysis(NetworkModel.Build(b.Build()));
        var p = analysis.Model.Placements.Single(x => x.Name == placement);
        return analysis.Find(p, p.Subnets.Single(s => s.Name == subnet), destination);
    }

    private static Destination Service(string name) => Destination.ForService(name);

    [Theory]
    [InlineData(RefStyle.Reference)]
    [InlineData(RefStyle.Id)]
    public void PrivateEndpointsStack(RefStyle style)
    {
        var b = Scenarios.PrivateEndpoints(style);
        Assert.Equal((PathKind.InterfaceEndpoint, "ecr.api"), (Path(b, "taskA", Service("ecr.api")).Kind, Path(b, "taskA", Service("ecr.api")).Endpoint?.Name));
        Assert.Equal((PathKind.GatewayEndpoint, "s3"), (Path(b, "taskC", Service("s3")).Kind, Path(b, "taskC", Service("s3")).Endpoint?.Name));
        var internet = Path(b, "taskA", Destination.Internet);
        Assert.Equal((PathKind.None, NoPathReason.NoRoute), (internet.Kind, internet.Reason));
        Assert.Equal(PathKind.None, Path(b, "taskA", Service("ssm")).Kind);
    }

    /// <summary>
    /// The paths through an endpoint write their detail when it is first read (NetworkPath.ThroughEndpoint,
    /// ThroughGateway): the text names the endpoint and the route table, a copy with another detail keeps that one, a
    /// copy with another property keeps the described one, and a path equals one made with the same text given.
    /// </summary>
    [Theory]
    [InlineData(RefStyle.Reference)]
    [InlineData(RefStyle.Id)]
    public void EndpointPathsDescribeTheEndpointWhenRead(RefStyle style)
    {
        var b = Scenarios.PrivateEndpoints(style);
        var analysis = new ReachabilityAnalysis(NetworkModel.Build(b.Build()));
        var app = analysis.Model.Placements.Single(x => x.Name == "app");
        var taskC = app.Subnets.Single(s => s.Name == "taskC");
        var ecr = analysis.Find(app, taskC, Service("ecr.api"));
        var s3 = analysis.Find(app, taskC, Service("s3"));
        var table = analysis.Model.RouteTableOf(taskC, out _)!;

        Assert.Equal("endpoint ecr.api (private DNS)", ecr.Detail);
        Assert.Equal($"gateway endpoint s3 on route table {table.Name}", s3.Detail);
        Assert.Equal(new NetworkPath(PathKind.InterfaceEndpoint, ecr.Via, "endpoint ecr.api (private DNS)", Endpoint: ecr.Endpoint), ecr);
        Assert.Equal("other", (s3 with { Detail = "other" }).Detail);
        Assert.Equal(s3.Detail, (NetworkPath.ThroughGateway(s3.Endpoint!, table) with { CrossAz = true }).Detail);
        Assert.NotEqual(ecr, ecr with { Detail = "other" });
    }

    /// <summary>
    /// Several interface endpoints of one service in one VPC (the analysis indexes one as an array of one, more as a
    /// list): the one with private DNS is the path, whether it came second or third.
    /// </summary>
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void TheEndpointWithPrivateDnsAmongSeveralOfAServiceIsThePath(int endpoints)
    {
        var b = Scenarios.PrivateEndpoints();
        b.Set("ecr.api", "privateDnsEnabled", false);
        for (var i = 2; i <= endpoints; i++)
        {
            b.Add("aws:ec2/vpcEndpoint:VpcEndpoint", $"ecr-api-{i}",
                ("vpcId", b.Ref("vpc")),
                ("serviceName", Scenarios.Service("ecr.api")),
                ("vpcEndpointType", "Interface"),
                ("privateDnsEnabled", i == endpoints),
                ("subnetIds", b.Refs("taskA", "taskC")),
                ("securityGroupIds", b.Refs("endpointSg")));
        }

        var path = Path(b, "taskA", Service("ecr.api"));
        Assert.Equal((PathKind.InterfaceEndpoint, $"ecr-api-{endpoints}"), (path.Kind, path.Endpoint?.Name));
    }

    [Theory]
    [InlineData(RefStyle.Reference)]
    [InlineData(RefStyle.Id)]
    public void PublicNatEgressStack(RefStyle style)
    {
        var b = Scenarios.PublicNatEgress(style);
        Assert.Equal(PathKind.InternetGateway, Path(b, "taskA", Destination.Internet).Kind);
        Assert.Equal(PathKind.InternetGateway, Path(b, "taskA", Service("s3")).Kind);
        Assert.Equal(PathKind.InternetGateway, Path(b, "taskA", Service("ecr.dkr")).Kind);
        var partner = Path(b, "taskA", Destination.FixedEgress(Ipv4Cidr.Parse("203.0.113.10/32")));
        Assert.Equal((PathKind.NatGateway, "nat"), (partner.Kind, partner.Nat?.Name));
        Assert.Contains("ap-northeast-1c", partner.Detail, StringComparison.Ordinal);

        // A partner address next to the allow-listed one is not caught by the /32 route.
        Assert.Equal(PathKind.InternetGateway, Path(b, "taskA", Destination.FixedEgress(Ipv4Cidr.Parse("203.0.113.11/32"))).Kind);
    }

    [Fact]
    public void NatDefaultRouteCarriesEverythingButTheGatewayEndpoint()
    {
        var b = Scenarios.PrivateEndpoints().Remove("ecr.api");
        Scenarios.PublicNat(b);
        b.Add("aws:ec2/route:Route", "defaultToNat", ("routeTableId", b.Ref("privateRt")), ("destinationCidrBlock", "0.0.0.0/0"), ("natGatewayId", b.Ref("nat")));
        Assert.Equal(PathKind.NatGateway, Path(b, "taskA", Service("ecr.api")).Kind);
        Assert.Equal(PathKind.InterfaceEndpoint, Path(b, "taskA", Service("ecr.dkr")).Kind);
        Assert.Equal(PathKind.GatewayEndpoint, Path(b, "taskA", Service("s3")).Kind);
        Assert.Equal(PathKind.NatGateway, Path(b, "taskA", Destination.Internet).Kind);
    }

    [Theory]
    [InlineData("privateDns", NoPathReason.PrivateDnsOff)]
    [InlineData("sgClosed", NoPathReason.SecurityGroupClosed)]
    [InlineData("noSubnets", NoPathReason.EndpointWithoutSubnets)]
    [InlineData("vpcDns", NoPathReason.VpcDnsOff)]
    public void ReasonsForNoInterfaceEndpointPath(string mutation, NoPathReason reason)
    {
        var b = Scenarios.PrivateEndpoints();
        _ = mutation switch
        {
            "privateDns" => b.Set("ecr.api", "privateDnsEnabled", false),
            "sgClosed" => b.Set("endpointSg", "ingress", Array.Empty<object>()),
            "noSubnets" => b.Unset("ecr.api", "subnetIds"),
            _ => b.Set("vpc", "enableDnsSupport", false),
        };
        var path = Path(b, "taskA", Service("ecr.api"));
        Assert.Equal((PathKind.None, reason), (path.Kind, path.Reason));
    }

    [Fact]
    public void ReasonS3EndpointNotOnRouteTable()
    {
        var b = Scenarios.PrivateEndpoints();
        b.Add("aws:ec2/routeTable:RouteTable", "otherRt", ("vpcId", b.Ref("vpc")));
        b.Set("s3", "routeTableIds", b.Refs("otherRt"));
        Assert.Equal(NoPathReason.S3EndpointNotOnRouteTable, Path(b, "taskA", Service("s3")).Reason);
    }

    [Fact]
    public void ReasonsForNoNatPath()
    {
        var own = Scenarios.PublicNatEgress();
        own.Set("nat", "subnetId", own.Ref("taskA"));
        var partner = Destination.FixedEgress(Ipv4Cidr.Parse("203.0.113.10/32"));
        Assert.Equal(NoPathReason.NatInOwnSubnet, Path(own, "taskA", partner).Reason);

        var isolated = Scenarios.PublicNatEgress().Unset("natRt", "routes");
        Assert.Equal(NoPathReason.NatSubnetWithoutInternetRoute, Path(isolated, "taskA", partner).Reason);

        var noIp = Scenarios.PublicNatEgress();
        noIp.Set("app", "networkConfiguration", Obj(("subnets", noIp.Refs("taskA")), ("assignPublicIp", false)));
        Assert.Equal(NoPathReason.PublicIpMissing, Path(noIp, "taskA", Destination.Internet).Reason);
    }

    [Fact]
    public void InterfaceEndpointInAnotherAzIsACrossAzPath()
    {
        var b = Scenarios.PrivateEndpoints();
        b.Set("logs", "subnetIds", b.Refs("taskA"));
        var path = Path(b, "taskC", Service("logs"));
        Assert.Equal((PathKind.InterfaceEndpoint, true), (path.Kind, path.CrossAz));
        Assert.False(Path(b, "taskA", Service("logs")).CrossAz);
    }

    [Fact]
    public void DefaultRouteTableResourceIsTheMainTable()
    {
        var b = Scenarios.PublicNatEgress().Remove("taskRtA").Remove("taskDefault").Remove("partner").Remove("taskRt");
        b.Add("aws:ec2/defaultRouteTable:DefaultRouteTable", "main", ("defaultRouteTableId", new StackRules.ReferenceValue(b["vpc"].Urn, "defaultRouteTableId")),
            ("routes", new[] { Obj(("cidrBlock", "0.0.0.0/0"), ("gatewayId", b.Ref("igw"))) }));
        Assert.Equal(PathKind.InternetGateway, Path(b, "taskA", Destination.Internet).Kind);
    }

    [Fact]
    public void StackExportOutputsWithEmptyAttributesAreRead()
    {
        // A stack export without inline routes in the inputs: the route table's outputs list every route, the way
        // bridged state writes them (unset attributes as empty strings), including the S3 gateway endpoint's route.
        var b = Scenarios.PublicNatEgress(RefStyle.Id).Remove("taskDefault").Remove("partner");
        var resources = b.Build().Select(r => r.Name != "taskRt" ? r : r with
        {
            Outputs = Obj(("routes", new[]
            {
                Obj(("cidrBlock", "0.0.0.0/0"), ("gatewayId", b["igw"].Id), ("natGatewayId", ""), ("destinationPrefixListId", ""), ("ipv6CidrBlock", ""), ("transitGatewayId", "")),
                Obj(("cidrBlock", "203.0.113.10/32"), ("gatewayId", ""), ("natGatewayId", b["nat"].Id), ("destinationPrefixListId", ""), ("ipv6CidrBlock", "")),
                Obj(("cidrBlock", ""), ("gatewayId", "vpce-0s3"), ("destinationPrefixListId", "pl-61a54008"), ("ipv6CidrBlock", "")),
            })),
        }).ToList();
        var analysis = new ReachabilityAnalysis(NetworkModel.Build(resources));
        var placement = analysis.Model.Placements.Single();
        var subnet = placement.Subnets.Single();
        Assert.Equal(PathKind.InternetGateway, analysis.Find(placement, subnet, Destination.Internet).Kind);
        Assert.Equal(PathKind.NatGateway, analysis.Find(placement, subnet, Destination.FixedEgress(Ipv4Cidr.Parse("203.0.113.10/32"))).Kind);
        Assert.Empty(FargatePack.Create(null).Evaluate(resources).Violations);
    }

    [Fact]
    public void RegionalNatGatewayNeedsNoPublicSubnet()
    {
        var b = Scenarios.PrivateEndpoints();
        b.Add("aws:ec2/natGateway:NatGateway", "regionalNat", ("vpcId", b.Ref("vpc")), ("availabilityMode", "regional"));
        b.Add("aws:ec2/route:Route", "defaultToNat", ("routeTableId", b.Ref("privateRt")), ("destinationCidrBlock", "0.0.0.0/0"), ("natGatewayId", b.Ref("regionalNat")));
        Assert.Equal(PathKind.NatGateway, Path(b, "taskA", Destination.Internet).Kind);
        Expect(b);

        static void Expect(StackBuilder b) => Rules.Expect.Violations(b);
    }

    [Theory]
    [InlineData("FARGATE_SPOT", "private-fargate-subnet-endpoints")]
    [InlineData("my-asg-provider", "ec2-launch-type-ecs-endpoints")]
    public void CapacityProviderStrategyDecidesTheLaunchType(string provider, string policy)
    {
        var b = Scenarios.PrivateEndpoints().Remove("ecr.api").Unset("app", "launchType");
        b.Set("app", "capacityProviderStrategies", new[] { Obj(("capacityProvider", provider), ("weight", 1)) });
        b.Set("appTask", "requiresCompatibilities", new[] { "EC2", "FARGATE" });
        Rules.Expect.Violations(b, (policy, "app"));
    }

    [Fact]
    public void TransitGatewayRouteIsUnknownNotNone()
    {
        var b = Scenarios.PrivateEndpoints();
        b.Add("aws:ec2/route:Route", "toTgw", ("routeTableId", b.Ref("privateRt")), ("destinationCidrBlock", "0.0.0.0/0"), ("transitGatewayId", "tgw-0123456789abcdef0"));
        Assert.Equal(PathKind.Unknown, Path(b, "taskA", Destination.Internet).Kind);
    }

    [Fact]
    public void EvaluateReturnsARowPerTaskSubnetAndDestination()
    {
        var evaluation = FargatePack.Create(null).Evaluate(Scenarios.PublicNatEgress().Build());
        var rows = evaluation.Reachability;
        Assert.Equal(["ecr.api", "ecr.dkr", "s3", "logs", "secretsmanager", "ssm", "ecs", "ecs-agent", "ecs-telemetry", "internet", "203.0.113.10/32"], rows.Select(r => r.Destination));
        Assert.All(rows, r => Assert.Equal(("taskA", "ap-northeast-1a"), (r.SubnetName, r.AvailabilityZone)));
        var partner = rows.Single(r => r.Destination == "203.0.113.10/32");
        Assert.Equal(("nat-gateway", "urn:pulumi:test::fargate::aws:ec2/natGateway:NatGateway::nat"), (partner.Path, partner.Via));
        Assert.Equal("internet-gateway", rows.Single(r => r.Destination == "s3").Path);
        Assert.Null(rows.Single(r => r.Destination == "s3").MonthlyCostUsd);
    }
}
