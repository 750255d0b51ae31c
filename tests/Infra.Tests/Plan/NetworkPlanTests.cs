namespace FargateNetwork.Infra.Tests.Plan;

/// <summary>The network plan: what each topology implies, decided once.</summary>
public class NetworkPlanTests
{
    private static NetworkConfig Config(Topology topology, NatGatewayStrategy? nats, int zones) => new()
    {
        Region = "ap-northeast-1",
        Topology = topology,
        AvailabilityZones = [.. Enumerable.Range(0, zones).Select(i => "ap-northeast-1" + (char)('a' + i))],
        FixedEgress = nats is { } n ? new FixedEgress { Destinations = [Ipv4Cidr.Create(0x34000000, 8)], NatGateways = n } : null,
        Workload = new Workload { Image = "x:1" },
    };

    [Theory]
    [InlineData("public-nat-egress", "single", 3, true, true, false, 1)]
    [InlineData("public-nat-egress", "perAz", 3, true, true, false, 3)]
    [InlineData("private-endpoints", null, 2, false, false, true, 0)]
    [InlineData("private-endpoints", "single", 2, false, true, true, 1)]
    [InlineData("private-endpoints", "perAz", 4, false, true, true, 4)]
    public void TopologyAndFixedEgressDecideThePlan(string topology, string? nats, int zones, bool publicTasks, bool internetGateway, bool endpoints, int natCount)
    {
        var config = Config(
            topology == "public-nat-egress" ? Topology.PublicNatEgress : Topology.PrivateEndpoints,
            nats switch { null => null, "perAz" => NatGatewayStrategy.PerAz, _ => NatGatewayStrategy.Single },
            zones);
        Assert.Equal(new NetworkPlan(publicTasks, internetGateway, endpoints, natCount), NetworkPlan.Of(config));
    }

    [Fact]
    public void TheTemplateFollowsThePlan()
    {
        var config = Config(Topology.PrivateEndpoints, NatGatewayStrategy.PerAz, 3);
        var template = new ParsedTemplate(YamlEmitter.Emit(TemplateBuilder.Build(config, "p")));
        var plan = NetworkPlan.Of(config);
        Assert.Equal(plan.NatGateways, template.OfType("aws:ec2/natGateway:NatGateway").Count());
        Assert.Equal(plan.InternetGateway ? 1 : 0, template.OfType("aws:ec2/internetGateway:InternetGateway").Count());
        Assert.Equal(plan.PublicTasks, template.Single("aws:ecs/service:Service").Map("networkConfiguration")["assignPublicIp"]);
    }
}
