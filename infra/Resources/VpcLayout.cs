namespace FargateNetwork.Infra;

/// <summary>
/// The VPC and its subnets and route tables, per <see cref="SubnetPlan"/>: one task subnet and route table per AZ,
/// and, when the stack has an internet gateway, one public "NAT subnet" per AZ sharing a route table whose default
/// route goes to the internet gateway. The NAT never sits in a task subnet: a route to the NAT from the NAT's own
/// subnet would loop (AWS middlebox rule, https://docs.aws.amazon.com/vpc/latest/userguide/route-table-options.html).
/// </summary>
internal sealed record VpcLayout(
    NetworkPlan Plan,
    string Vpc,
    string? InternetGateway,
    IReadOnlyList<string> TaskSubnets,
    IReadOnlyList<Ipv4Cidr> TaskSubnetCidrs,
    IReadOnlyList<string> TaskRouteTables,
    IReadOnlyList<string> NatSubnets)
{
    public static VpcLayout Build(StackTemplate template, NetworkConfig config)
    {
        var plan = NetworkPlan.Of(config);

        // Private DNS on interface endpoints needs both DNS attributes
        // (https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html).
        var vpc = template.Add("vpc", AwsTypes.Vpc, new MapNode()
            .Set("cidrBlock", config.VpcCidr.ToString())
            .Set("enableDnsSupport", true)
            .Set("enableDnsHostnames", true));

        string? igw = plan.InternetGateway
            ? template.Add("internet-gateway", AwsTypes.InternetGateway, new MapNode().Set("vpcId", TemplateNode.Ref(vpc, "id")))
            : null;

        var taskSubnets = new List<string>();
        var taskCidrs = new List<Ipv4Cidr>();
        var taskRouteTables = new List<string>();
        var natSubnets = new List<string>();
        for (var i = 0; i < config.AvailabilityZones.Count; i++)
        {
            var az = config.AvailabilityZones[i];
            var cidr = SubnetPlan.TaskSubnet(config.VpcCidr, i);
            taskCidrs.Add(cidr);
            var subnet = template.Add($"task-subnet-{az}", AwsTypes.Subnet, new MapNode()
                .Set("vpcId", TemplateNode.Ref(vpc, "id"))
                .Set("availabilityZone", az)
                .Set("cidrBlock", cidr.ToString())
                .Set("mapPublicIpOnLaunch", false));
            taskSubnets.Add(subnet);

            var table = template.Add($"task-route-table-{az}", AwsTypes.RouteTable, new MapNode().Set("vpcId", TemplateNode.Ref(vpc, "id")));
            taskRouteTables.Add(table);
            template.Add($"task-route-table-association-{az}", AwsTypes.RouteTableAssociation, new MapNode()
                .Set("subnetId", TemplateNode.Ref(subnet, "id"))
                .Set("routeTableId", TemplateNode.Ref(table, "id")), taggable: false);

            if (plan.PublicTasks && igw is not null)
            {
                // Tasks have public IPs and pull images through the internet gateway (no NAT data charges).
                template.Add($"task-default-route-{az}", AwsTypes.Route, new MapNode()
                    .Set("routeTableId", TemplateNode.Ref(table, "id"))
                    .Set("destinationCidrBlock", "0.0.0.0/0")
                    .Set("gatewayId", TemplateNode.Ref(igw, "id")), taggable: false);
            }
        }

        if (igw is not null)
        {
            var natTable = template.Add("nat-route-table", AwsTypes.RouteTable, new MapNode().Set("vpcId", TemplateNode.Ref(vpc, "id")));
            template.Add("nat-default-route", AwsTypes.Route, new MapNode()
                .Set("routeTableId", TemplateNode.Ref(natTable, "id"))
                .Set("destinationCidrBlock", "0.0.0.0/0")
                .Set("gatewayId", TemplateNode.Ref(igw, "id")), taggable: false);
            for (var i = 0; i < config.AvailabilityZones.Count; i++)
            {
                var az = config.AvailabilityZones[i];
                var subnet = template.Add($"nat-subnet-{az}", AwsTypes.Subnet, new MapNode()
                    .Set("vpcId", TemplateNode.Ref(vpc, "id"))
                    .Set("availabilityZone", az)
                    .Set("cidrBlock", SubnetPlan.PublicSubnet(config.VpcCidr, i).ToString())
                    .Set("mapPublicIpOnLaunch", false));
                natSubnets.Add(subnet);
                template.Add($"nat-route-table-association-{az}", AwsTypes.RouteTableAssociation, new MapNode()
                    .Set("subnetId", TemplateNode.Ref(subnet, "id"))
                    .Set("routeTableId", TemplateNode.Ref(natTable, "id")), taggable: false);
            }
        }

        return new VpcLayout(plan, vpc, igw, taskSubnets, taskCidrs, taskRouteTables, natSubnets);
    }
}
