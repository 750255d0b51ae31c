namespace FargateNetwork.Infra;

/// <summary>
/// Elastic IPs and NAT gateways in the NAT subnets, and a route per destination CIDR from every task route table to
/// a NAT (the same AZ's NAT with <c>perAz</c>, the first AZ's with <c>single</c>). A public NAT gateway needs an
/// Elastic IP (<c>allocationId</c>) and a subnet routed to the internet gateway
/// (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html). Returns the EIP names (stack output fixedEgressIps).
/// </summary>
internal static class FixedEgressGateways
{
    public static IReadOnlyList<string> Build(StackTemplate template, NetworkConfig config, VpcLayout layout)
    {
        if (config.FixedEgress is not { } egress)
        {
            return [];
        }

        var count = egress.NatGateways == NatGatewayStrategy.PerAz ? config.AvailabilityZones.Count : 1;
        var eips = new List<string>();
        var nats = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var az = config.AvailabilityZones[i];
            var eip = template.Add($"nat-eip-{az}", AwsTypes.Eip, new MapNode().Set("domain", "vpc"));
            eips.Add(eip);
            nats.Add(template.Add($"nat-gateway-{az}", AwsTypes.NatGateway, new MapNode()
                .Set("allocationId", TemplateNode.Ref(eip, "id"))
                .Set("subnetId", TemplateNode.Ref(layout.NatSubnets[i], "id"))
                .Set("connectivityType", "public"), dependsOn: [layout.InternetGateway!]));
        }

        for (var i = 0; i < config.AvailabilityZones.Count; i++)
        {
            var az = config.AvailabilityZones[i];
            var nat = nats[egress.NatGateways == NatGatewayStrategy.PerAz ? i : 0];
            for (var d = 0; d < egress.Destinations.Count; d++)
            {
                template.Add($"task-egress-route-{az}-{d + 1}", AwsTypes.Route, new MapNode()
                    .Set("routeTableId", TemplateNode.Ref(layout.TaskRouteTables[i], "id"))
                    .Set("destinationCidrBlock", egress.Destinations[d].ToString())
                    .Set("natGatewayId", TemplateNode.Ref(nat, "id")), taggable: false);
            }
        }

        return eips;
    }
}
