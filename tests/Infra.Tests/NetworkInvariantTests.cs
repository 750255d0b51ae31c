using System.Net;
using System.Text.Json.Nodes;

namespace FargateNetwork.Infra.Tests;

/// <summary>
/// Invariants that must hold for every config, checked over a grid of generated configs (AZ counts 1-4, VPC CIDRs
/// from /16 to /24, both topologies, fixed egress off/single/perAz, secrets, ECS Exec, PrivateLink).
/// </summary>
public class NetworkInvariantTests
{
    private static readonly string[] AllZones = ["ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d", "ap-northeast-1b"];
    private static readonly string[] Cidrs = ["10.0.0.0/16", "172.16.0.0/20", "10.128.0.0/18", "192.168.1.0/24"];

    public static TheoryData<string, int, string, string, bool> Grid()
    {
        var data = new TheoryData<string, int, string, string, bool>();
        foreach (var topology in new[] { "public-nat-egress", "private-endpoints" })
        {
            for (var zones = 1; zones <= 4; zones++)
            {
                foreach (var cidr in Cidrs)
                {
                    foreach (var nat in topology == "public-nat-egress" ? new[] { "single", "perAz" } : ["none", "single", "perAz"])
                    {
                        foreach (var options in new[] { false, true })
                        {
                            data.Add(topology, zones, cidr, nat, options);
                        }
                    }
                }
            }
        }

        return data;
    }

    /// <summary>One config; <paramref name="options"/> turns on secrets of both stores, ECS Exec, extra endpoints and (private-endpoints) PrivateLink.</summary>
    internal static TestConfig Config(string topology, int zones, string cidr, string nat, bool options)
    {
        var config = new TestConfig()
            .Set("aws:region", "ap-northeast-1")
            .Set("fargate-network:topology", topology)
            .Set("fargate-network:vpcCidr", cidr)
            .Structured("availabilityZones", new JsonArray([.. AllZones.Take(zones).Select(z => (JsonNode?)JsonValue.Create(z))]));
        if (nat != "none")
        {
            config.Structured("fixedEgress", new JsonObject { ["destinations"] = new JsonArray("203.0.113.0/24", "198.51.100.7/32"), ["natGateways"] = nat });
        }

        var workload = new JsonObject { ["image"] = "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/app:1", ["port"] = 8080 };
        if (options)
        {
            workload["enableExecuteCommand"] = true;
            workload["secrets"] = new JsonArray(
                new JsonObject { ["name"] = "A", ["valueFrom"] = "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:a-AbCdEf" },
                new JsonObject { ["name"] = "B", ["valueFrom"] = "arn:aws:ssm:ap-northeast-1:123456789012:parameter/b" });
            if (topology == "private-endpoints")
            {
                config.Structured("privateLink", new JsonObject { ["enabled"] = true, ["allowedPrincipals"] = new JsonArray("arn:aws:iam::123456789012:root") });
                config.Structured("extraEndpoints", new JsonArray("sts", "xray"));
            }
            else
            {
                workload["kind"] = "scheduled";
                workload["schedule"] = "rate(5 minutes)";
            }
        }

        return config.Structured("workload", workload);
    }

    [Theory]
    [MemberData(nameof(Grid))]
    public void InvariantsHold(string topology, int zones, string cidr, string nat, bool options)
    {
        var result = TestCompiler.RunMode(Config(topology, zones, cidr, nat, options));
        Assert.True(result.ExitCode == 0, result.Stderr);
        var t = result.Template;
        var azs = AllZones.Take(zones).ToHashSet();
        var vpc = IPNetwork.Parse(cidr);
        var subnets = t.OfType("aws:ec2/subnet:Subnet").ToList();
        var taskSubnets = subnets.Where(s => s.Name.StartsWith("task-subnet-", StringComparison.Ordinal)).ToList();
        Assert.Equal(azs, taskSubnets.Select(s => (string)s["availabilityZone"]!).ToHashSet());

        // Subnets never overlap and fit the VPC CIDR; AWS's smallest subnet is /28.
        var networks = subnets.Select(s => IPNetwork.Parse((string)s["cidrBlock"]!)).ToList();
        foreach (var network in networks)
        {
            Assert.True(vpc.Contains(network.BaseAddress) && network.PrefixLength >= vpc.PrefixLength, $"{network} outside {vpc}");
            Assert.True(network.PrefixLength <= 28, $"{network} smaller than /28");
        }

        for (var i = 0; i < networks.Count; i++)
        {
            for (var j = i + 1; j < networks.Count; j++)
            {
                Assert.False(networks[i].Contains(networks[j].BaseAddress) || networks[j].Contains(networks[i].BaseAddress), $"{networks[i]} overlaps {networks[j]}");
            }
        }

        // Route table of each subnet, and its routes.
        var tableOf = t.OfType("aws:ec2/routeTableAssociation:RouteTableAssociation")
            .ToDictionary(a => t.Target(a["subnetId"]).Name, a => t.Target(a["routeTableId"]).Name);
        Assert.All(subnets, s => Assert.True(tableOf.ContainsKey(s.Name), $"{s.Name} has no route table"));
        var routes = t.OfType("aws:ec2/route:Route").ToList();
        List<Resource> RoutesOf(string table) => routes.Where(r => t.Target(r["routeTableId"]).Name == table).ToList();
        bool IsPublic(Resource subnet) => RoutesOf(tableOf[subnet.Name]).Any(r => (string?)r["destinationCidrBlock"] == "0.0.0.0/0" && r["gatewayId"] is string g && t.Target(g).Type == "aws:ec2/internetGateway:InternetGateway");

        // The NAT is never in a task subnet; its subnet is public; one per AZ with perAz.
        var nats = t.OfType("aws:ec2/natGateway:NatGateway").ToList();
        Assert.Equal(nat switch { "none" => 0, "single" => 1, _ => zones }, nats.Count);
        foreach (var gateway in nats)
        {
            var subnet = t.Target(gateway["subnetId"]);
            Assert.DoesNotContain(subnet, taskSubnets);
            Assert.True(IsPublic(subnet), $"{gateway.Name} sits in {subnet.Name}, which has no default route to the internet gateway");
            Assert.Equal("aws:ec2/eip:Eip", t.Target(gateway["allocationId"]).Type);
        }

        // Destinations route to a NAT (the same AZ's with perAz); private task subnets have no default route.
        foreach (var subnet in taskSubnets)
        {
            var own = RoutesOf(tableOf[subnet.Name]);
            Assert.DoesNotContain(taskSubnets, other => other != subnet && tableOf[other.Name] == tableOf[subnet.Name] && nat == "perAz");
            if (nat != "none")
            {
                foreach (var destination in new[] { "203.0.113.0/24", "198.51.100.7/32" })
                {
                    var route = Assert.Single(own, r => (string?)r["destinationCidrBlock"] == destination);
                    var target = t.Target(route["natGatewayId"]);
                    Assert.Equal("aws:ec2/natGateway:NatGateway", target.Type);
                    if (nat == "perAz")
                    {
                        Assert.Equal(subnet["availabilityZone"], t.Target(target["subnetId"])["availabilityZone"]);
                    }
                }
            }

            Assert.Equal(topology == "public-nat-egress", IsPublic(subnet));
        }

        // assignPublicIp matches the subnet kind.
        var network0 = t.OfType("aws:ecs/service:Service").Select(s => s.Map("networkConfiguration"))
            .Concat(t.OfType("aws:cloudwatch/eventTarget:EventTarget").Select(e => Assert.IsType<Dictionary<string, object?>>(e.Map("ecsTarget")["networkConfiguration"])))
            .Single();
        Assert.Equal(IsPublic(taskSubnets[0]), network0["assignPublicIp"]);
        Assert.Equal(taskSubnets.Select(s => (object?)s.Ref("id")).ToHashSet(), Assert.IsType<List<object?>>(network0["subnets"]).ToHashSet());

        var endpoints = t.OfType("aws:ec2/vpcEndpoint:VpcEndpoint").ToList();
        if (topology == "public-nat-egress")
        {
            Assert.Empty(endpoints);
            return;
        }

        // The S3 gateway endpoint is on every task route table.
        var s3 = Assert.Single(endpoints, e => (string?)e["vpcEndpointType"] == "Gateway");
        Assert.Equal(taskSubnets.Select(s => tableOf[s.Name]).ToHashSet(), s3.List("routeTableIds").Select(r => t.Target(r).Name).ToHashSet());

        // Every interface endpoint has private DNS, an ENI in every task AZ, and an SG admitting 443 from every task subnet.
        var interfaces = endpoints.Where(e => (string?)e["vpcEndpointType"] == "Interface").ToList();
        var expected = new HashSet<string> { "ecr.dkr", "ecr.api", "logs" };
        if (options)
        {
            expected.UnionWith(["secretsmanager", "ssm", "ssmmessages", "sts", "xray"]);
        }

        Assert.Equal(expected.Select(e => $"com.amazonaws.ap-northeast-1.{e}").ToHashSet(), interfaces.Select(e => (string)e["serviceName"]!).ToHashSet());
        foreach (var endpoint in interfaces)
        {
            Assert.Equal(true, endpoint["privateDnsEnabled"]);
            var endpointSubnets = endpoint.List("subnetIds").Select(t.Target).ToList();
            Assert.Equal(azs, endpointSubnets.Select(s => (string)s["availabilityZone"]!).ToHashSet());
            Assert.All(endpointSubnets, s => Assert.Contains(s, taskSubnets));
            foreach (var groupRef in endpoint.List("securityGroupIds"))
            {
                var rules = t.Target(groupRef).List("ingress").Cast<Dictionary<string, object?>>().ToList();
                foreach (var subnet in taskSubnets)
                {
                    var subnetNet = IPNetwork.Parse((string)subnet["cidrBlock"]!);
                    Assert.Contains(rules, r => (string?)r["protocol"] == "tcp" && (long)r["fromPort"]! <= 443 && (long)r["toPort"]! >= 443
                        && Assert.IsType<List<object?>>(r["cidrBlocks"]).Any(c => IPNetwork.Parse((string)c!).Contains(subnetNet.BaseAddress) && IPNetwork.Parse((string)c!).PrefixLength <= subnetNet.PrefixLength));
                }
            }
        }
    }
}
