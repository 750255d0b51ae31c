namespace FargateNetwork.Infra;

/// <summary>
/// The <c>private-endpoints</c> endpoints: a security group admitting TCP 443 from every task subnet CIDR
/// (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/vpc-endpoints.html), one interface endpoint per
/// <see cref="EndpointServices.Interface"/> name with private DNS on and a subnet in every task AZ, and each
/// <see cref="EndpointServices.Gateway"/> endpoint (S3, for ECR image layers) on every task route table.
/// Returns short name → logical name, gateway endpoints included.
/// </summary>
internal static class VpcEndpoints
{
    public static IReadOnlyList<KeyValuePair<string, string>> Build(StackTemplate template, NetworkConfig config, VpcLayout layout)
    {
        if (!layout.Plan.VpcEndpoints)
        {
            return [];
        }

        var endpoints = new List<KeyValuePair<string, string>>();
        var securityGroup = template.Add("endpoint-security-group", AwsTypes.SecurityGroup, new MapNode()
            .Set("vpcId", TemplateNode.Ref(layout.Vpc, "id"))
            .Set("description", "HTTPS from the task subnets to the VPC interface endpoints")
            .Set("ingress", TemplateNode.List(new MapNode()
                .Set("description", "HTTPS from the task subnets")
                .Set("protocol", "tcp")
                .Set("fromPort", 443)
                .Set("toPort", 443)
                .Set("cidrBlocks", TemplateNode.List(layout.TaskSubnetCidrs.Select(c => (TemplateNode)c.ToString()))))));

        foreach (var shortName in EndpointServices.Interface(config))
        {
            var name = template.Add($"endpoint-{shortName.Replace('.', '-')}", AwsTypes.VpcEndpoint, new MapNode()
                .Set("vpcId", TemplateNode.Ref(layout.Vpc, "id"))
                .Set("serviceName", EndpointServiceName.For(config.Region, shortName).ToString())
                .Set("vpcEndpointType", "Interface")
                .Set("privateDnsEnabled", true)
                .Set("subnetIds", TemplateNode.List(layout.TaskSubnets.Select(s => (TemplateNode)TemplateNode.Ref(s, "id"))))
                .Set("securityGroupIds", TemplateNode.List(TemplateNode.Ref(securityGroup, "id"))));
            endpoints.Add(new(shortName, name));
        }

        foreach (var shortName in EndpointServices.Gateway(config))
        {
            var name = template.Add($"endpoint-{shortName.Replace('.', '-')}", AwsTypes.VpcEndpoint, new MapNode()
                .Set("vpcId", TemplateNode.Ref(layout.Vpc, "id"))
                .Set("serviceName", EndpointServiceName.For(config.Region, shortName, EndpointKind.Gateway).ToString())
                .Set("vpcEndpointType", "Gateway")
                .Set("routeTableIds", TemplateNode.List(layout.TaskRouteTables.Select(t => (TemplateNode)TemplateNode.Ref(t, "id")))));
            endpoints.Add(new(shortName, name));
        }

        return endpoints;
    }
}
