using System.Globalization;

namespace FargateNetwork.Infra;

/// <summary>
/// Elastic IPs and NAT gateways in the NAT subnets, and a route per destination CIDR from every task route table to
/// a NAT (the same AZ's NAT with <c>perAz</c>, the first AZ's with <c>single</c>). A public NAT gateway needs an
/// Elastic IP (<c>allocationId</c>) and a subnet routed to the internet gateway
/// (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html).
/// Partners allow-list the EIPs, so they must outlive everything else: with <c>elasticIpAllocationIds</c> the stack
/// uses existing allocations; otherwise the EIPs it creates are named by NAT number (<c>nat-eip-1</c>, never by AZ or
/// Region, so a change of AZ order keeps them), <c>protect</c>ed, and kept allocated on delete (<c>retainOnDelete</c>).
/// NAT gateways are replaced delete-first, since an EIP serves one NAT gateway at a time.
/// Returns AZ → NAT gateway logical name (stack outputs <c>fixedEgressIps</c>, <c>fixedEgressIpsByAz</c>).
/// </summary>
internal static class FixedEgressGateways
{
    public static IReadOnlyList<KeyValuePair<string, string>> Build(StackTemplate template, NetworkConfig config, VpcLayout layout)
    {
        if (config.FixedEgress is not { } egress || layout.InternetGateway is not { } internetGateway)
        {
            return [];
        }

        var count = layout.Plan.NatGateways;
        var nats = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < count; i++)
        {
            var number = (i + 1).ToString(CultureInfo.InvariantCulture);
            TemplateNode allocation = egress.ElasticIpAllocationIds.Count > 0
                ? egress.ElasticIpAllocationIds[i]
                : TemplateNode.Ref(template.Add($"nat-eip-{number}", AwsTypes.Eip, new MapNode().Set("domain", "vpc"), keep: true), "id");
            var nat = template.Add($"nat-gateway-{number}", AwsTypes.NatGateway, new MapNode()
                .Set("allocationId", allocation)
                .Set("subnetId", TemplateNode.Ref(layout.NatSubnets[i], "id"))
                .Set("connectivityType", "public"), dependsOn: [internetGateway], deleteBeforeReplace: true);
            nats.Add(new(config.AvailabilityZones[i], nat));
        }

        for (var i = 0; i < config.AvailabilityZones.Count; i++)
        {
            var az = config.AvailabilityZones[i];
            var nat = nats[egress.NatGateways == NatGatewayStrategy.PerAz ? i : 0].Value;
            for (var d = 0; d < egress.Destinations.Count; d++)
            {
                template.Add($"task-egress-route-{az}-{d + 1}", AwsTypes.Route, new MapNode()
                    .Set("routeTableId", TemplateNode.Ref(layout.TaskRouteTables[i], "id"))
                    .Set("destinationCidrBlock", egress.Destinations[d].ToString())
                    .Set("natGatewayId", TemplateNode.Ref(nat, "id")), taggable: false);
            }
        }

        return nats;
    }
}
