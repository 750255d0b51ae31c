using System.Globalization;

namespace FargateNetwork.Infra;

/// <summary>
/// The tasks' security group: all egress (image pulls, endpoints, fixed-egress destinations); with PrivateLink,
/// ingress on the container port from the VPC CIDR, where the internal NLB's nodes live (PrivateLink traffic
/// always arrives from the NLB's private IPs).
/// </summary>
internal static class TaskSecurityGroup
{
    public static string Build(StackTemplate template, NetworkConfig config, VpcLayout layout)
    {
        var properties = new MapNode()
            .Set("vpcId", TemplateNode.Ref(layout.Vpc, "id"))
            .Set("description", "Fargate tasks");
        if (config.PrivateLink.Enabled && config.Workload.Port is { } port)
        {
            properties.Set("ingress", TemplateNode.List(new MapNode()
                .Set("description", string.Create(CultureInfo.InvariantCulture, $"TCP {port} from the internal NLB (VPC CIDR)"))
                .Set("protocol", "tcp")
                .Set("fromPort", port)
                .Set("toPort", port)
                .Set("cidrBlocks", TemplateNode.List(config.VpcCidr.ToString()))));
        }

        properties.Set("egress", TemplateNode.List(new MapNode()
            .Set("description", "All outbound")
            .Set("protocol", "-1")
            .Set("fromPort", 0)
            .Set("toPort", 0)
            .Set("cidrBlocks", TemplateNode.List("0.0.0.0/0"))));
        return template.Add("task-security-group", AwsTypes.SecurityGroup, properties);
    }
}
