namespace FargateNetwork.Infra;

/// <summary>
/// PrivateLink exposure of the service: an internal Network Load Balancer with a subnet in every task AZ (the NLB's AZs must include the
/// tasks'), a TCP listener, a target group of type <c>ip</c> (required for awsvpc/Fargate targets,
/// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/nlb.html), and a VPC endpoint service on the NLB
/// with acceptance and allowed principals from config (https://docs.aws.amazon.com/vpc/latest/privatelink/create-endpoint-service.html).
/// </summary>
internal sealed record PrivateLinkExposure(string TargetGroup, string Listener, string EndpointService)
{
    public static PrivateLinkExposure? Build(StackTemplate template, NetworkConfig config, VpcLayout layout)
    {
        if (!config.PrivateLink.Enabled)
        {
            return null;
        }

        var link = config.PrivateLink;
        var nlb = template.Add("nlb", AwsTypes.LoadBalancer, new MapNode()
            .Set("internal", true)
            .Set("loadBalancerType", "network")
            .Set("subnets", TemplateNode.List(layout.TaskSubnets.Select(s => (TemplateNode)TemplateNode.Ref(s, "id")))));
        var targetGroup = template.Add("nlb-target-group", AwsTypes.TargetGroup, new MapNode()
            .Set("vpcId", TemplateNode.Ref(layout.Vpc, "id"))
            .Set("port", config.Workload.Port!.Value)
            .Set("protocol", "TCP")
            .Set("targetType", "ip"));
        var listener = template.Add("nlb-listener", AwsTypes.Listener, new MapNode()
            .Set("loadBalancerArn", TemplateNode.Ref(nlb, "arn"))
            .Set("port", link.Port!.Value)
            .Set("protocol", "TCP")
            .Set("defaultActions", TemplateNode.List(new MapNode()
                .Set("type", "forward")
                .Set("targetGroupArn", TemplateNode.Ref(targetGroup, "arn")))));
        var service = template.Add("endpoint-service", AwsTypes.VpcEndpointService, new MapNode()
            .Set("acceptanceRequired", link.AcceptanceRequired)
            .Set("allowedPrincipals", TemplateNode.List(link.AllowedPrincipals.Select(p => (TemplateNode)p)))
            .Set("networkLoadBalancerArns", TemplateNode.List(TemplateNode.Ref(nlb, "arn"))));
        return new PrivateLinkExposure(targetGroup, listener, service);
    }
}
