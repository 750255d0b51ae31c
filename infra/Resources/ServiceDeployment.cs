namespace FargateNetwork.Infra;

/// <summary>An ECS service (launch type FARGATE) keeping <c>desiredCount</c> tasks running, registered in the NLB target group with PrivateLink.</summary>
internal static class ServiceDeployment
{
    public static string Build(StackTemplate template, NetworkConfig config, VpcLayout layout, string cluster, string taskDefinition, string securityGroup, PrivateLinkExposure? privateLink)
    {
        var properties = new MapNode()
            .Set("cluster", TemplateNode.Ref(cluster, "arn"))
            .Set("taskDefinition", TemplateNode.Ref(taskDefinition, "arn"))
            .Set("desiredCount", config.Workload.DesiredCount)
            .Set("launchType", "FARGATE")
            .Set("platformVersion", config.Workload.PlatformVersion)
            .Set("enableExecuteCommand", config.Workload.EnableExecuteCommand)
            .Set("networkConfiguration", TaskNetwork.Configuration(config, layout, securityGroup));
        if (privateLink is not null)
        {
            properties.Set("loadBalancers", TemplateNode.List(new MapNode()
                .Set("targetGroupArn", TemplateNode.Ref(privateLink.TargetGroup, "arn"))
                .Set("containerName", ContainerTask.ContainerName)
                .Set("containerPort", config.Workload.Port!.Value)));
        }

        // ECS rejects a target group that no listener uses yet, so the service waits for the listener.
        return template.Add("service", AwsTypes.EcsService, properties, dependsOn: privateLink is null ? null : [privateLink.Listener]);
    }
}
