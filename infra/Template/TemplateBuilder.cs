namespace FargateNetwork.Infra;

/// <summary>Builds the whole Pulumi YAML program of a stack from its validated config.</summary>
internal static class TemplateBuilder
{
    public static MapNode Build(NetworkConfig config, string projectName)
    {
        var template = new StackTemplate(projectName, config.Tags);
        var layout = VpcLayout.Build(template, config);
        var nats = FixedEgressGateways.Build(template, config, layout);
        var endpoints = VpcEndpoints.Build(template, config, layout);
        var securityGroup = TaskSecurityGroup.Build(template, config, layout);

        var cluster = template.Add("cluster", AwsTypes.Cluster, new MapNode());
        var roles = TaskRoles.Build(template, config);
        var (taskDefinition, _) = ContainerTask.Build(template, config, roles);
        var privateLink = PrivateLinkExposure.Build(template, config, layout);
        if (config.Workload.Kind == WorkloadKind.Scheduled)
        {
            ScheduledRun.Build(template, config, layout, cluster, taskDefinition, securityGroup, roles);
        }
        else
        {
            ServiceDeployment.Build(template, config, layout, cluster, taskDefinition, securityGroup, privateLink);
        }

        template.Output("vpcId", TemplateNode.Ref(layout.Vpc, "id"));
        template.Output("taskSubnetIds", TemplateNode.List(layout.TaskSubnets.Select(s => (TemplateNode)TemplateNode.Ref(s, "id"))));
        // The NAT gateway's publicIp is its EIP's address, whether the stack created the EIP or was given it.
        template.Output("fixedEgressIps", TemplateNode.List(nats.Select(n => (TemplateNode)TemplateNode.Ref(n.Value, "publicIp"))));
        var byAz = new MapNode();
        foreach (var (az, nat) in nats)
        {
            byAz.Set(az, TemplateNode.Ref(nat, "publicIp"));
        }

        template.Output("fixedEgressIpsByAz", byAz);
        var endpointIds = new MapNode();
        foreach (var (shortName, name) in endpoints)
        {
            endpointIds.Set(shortName, TemplateNode.Ref(name, "id"));
        }

        template.Output("endpointIds", endpointIds);
        if (privateLink is not null)
        {
            template.Output("endpointServiceName", TemplateNode.Ref(privateLink.EndpointService, "serviceName"));
        }

        template.Output("clusterName", TemplateNode.Ref(cluster, "name"));
        return template.ToNode();
    }
}
