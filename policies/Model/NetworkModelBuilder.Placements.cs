using static StackRules.ResourceProperties;

namespace FargateNetwork.Policies.Model;

/// <summary>The model builder's reader of where tasks run: services, EventBridge targets and Scheduler schedules, with launch type, Exec and Service Connect.</summary>
internal sealed partial class NetworkModelBuilder
{
    private void AddPlacements()
    {
        foreach (var r in graph.OfType(AwsTypes.EcsService))
        {
            var p = new ResourceProperties(r);
            var placement = Placement(r, p.Get("networkConfiguration"), p.Get("launchType"), p.Get("capacityProviderStrategies"), p.Get("platformVersion"), graph.Resolve(r, "taskDefinition"), p.Get("enableExecuteCommand"));
            if (placement is null)
            {
                continue;
            }

            // Service Connect's Envoy proxy talks to the ECS agent endpoint (ecs-agent).
            placement.ServiceConnect = AsBool(Field(p.Get("serviceConnectConfiguration"), "enabled")).OrDefault(false);

            foreach (var balancer in AsList(p.Get("loadBalancers")) ?? [])
            {
                if (Lookup(targetGroups, graph.Resolve(Field(balancer, "targetGroupArn"))) is { } tg)
                {
                    placement.TargetGroups.Add(tg);
                    tg.Services.Add(placement);
                }
            }
        }

        foreach (var r in graph.OfType(AwsTypes.EventTarget))
        {
            var target = new ResourceProperties(r).Get("ecsTarget");
            if (target is not null)
            {
                Placement(r, Field(target, "networkConfiguration"), Field(target, "launchType"), Field(target, "capacityProviderStrategies"), Field(target, "platformVersion"), graph.Resolve(Field(target, "taskDefinitionArn")), Field(target, "enableExecuteCommand"));
            }
        }

        foreach (var r in graph.OfType(AwsTypes.Schedule))
        {
            var parameters = Field(new ResourceProperties(r).Get("target"), "ecsParameters");
            if (parameters is not null)
            {
                Placement(r, Field(parameters, "networkConfiguration"), Field(parameters, "launchType"), Field(parameters, "capacityProviderStrategies"), Field(parameters, "platformVersion"), graph.Resolve(Field(parameters, "taskDefinitionArn")), Field(parameters, "enableExecuteCommand"));
            }
        }
    }

    private TaskPlacement? Placement(StackResource r, PropertyValue? network, PropertyValue? launchType, PropertyValue? strategies, PropertyValue? platformVersion, ResourceRef taskDefinitionRef, PropertyValue? execute)
    {
        // Without an awsvpc network configuration, tasks use the host's network (bridge/host mode on EC2): not placed in a subnet here.
        if (network is null)
        {
            return null;
        }

        var taskDefinition = Lookup(taskDefinitions, taskDefinitionRef);
        if (taskDefinition is null && taskDefinitionRef.ExternalId is { } id)
        {
            // A family or family:revision names a task definition whose id is its family.
            var family = id.Contains('/', StringComparison.Ordinal) ? id[(id.LastIndexOf('/') + 1)..] : id;
            family = family.Contains(':', StringComparison.Ordinal) ? family[..family.IndexOf(':', StringComparison.Ordinal)] : family;
            taskDefinitionsByFamily ??= FamilyIndex();
            taskDefinition = taskDefinitionsByFamily.GetValueOrDefault(family);
        }

        var placement = new TaskPlacement(r)
        {
            LaunchType = LaunchTypeOf(AsString(launchType), strategies, taskDefinition),
            PlatformVersion = AsString(platformVersion),
            AssignPublicIp = AsBool(Field(network, "assignPublicIp")).OrDefault(false),
            TaskDefinition = taskDefinition,
            EnableExecuteCommand = AsBool(execute).OrDefault(false),
            ServiceConnect = Fact<bool>.Of(false),
        };
        var subnetsUnknown = ResolveInto(subnets, Field(network, "subnets"), placement.Subnets);
        placement.SubnetsUnknown = subnetsUnknown;
        var groupsUnknown = ResolveInto(securityGroups, Field(network, "securityGroups"), placement.SecurityGroups);

        // No group: ECS uses the VPC's default security group, which the stack does not model.
        placement.SecurityGroupsUnknown = groupsUnknown || placement.SecurityGroups.Count == 0;
        if (subnetsUnknown)
        {
            placement.Subnets.Add(OutsideSubnets(placement, Field(network, "subnets")));
        }

        placement.Position = model.Placements.Count;
        model.Placements.Add(placement);
        return placement;
    }

    /// <summary>
    /// The stand-in for task subnets outside the stack (ids from config, <c>getSubnets</c> invokes, literal
    /// <c>subnet-</c> ids) or not known yet: routes unknown, VPC taken from the task security groups, so the checks
    /// that do not depend on routes (security groups, endpoint DNS, cross-Region needs) still run.
    /// </summary>
    private Subnet OutsideSubnets(TaskPlacement placement, PropertyValue? value)
    {
        var ids = (graph.ResolveList(value) ?? []).Where(r => r.Kind == RefKind.External).Select(r => r.ExternalId!).ToList();
        var name = ids.Count > 0 ? $"subnets {string.Join(", ", ids)} of {placement.Name} (outside the stack)" : $"the subnets of {placement.Name} (not in the stack)";
        var keys = placement.SecurityGroups.Select(g => g.VpcKey).Distinct().ToList();
        var key = keys.Count == 1 && keys[0] != VpcKey.None ? keys[0] : VpcKey.NotKnown;
        return new Subnet(new StackResource(placement.Resource.Urn, AwsTypes.Subnet, name, new ObjectValue(new Dictionary<string, PropertyValue>(StringComparer.Ordinal))))
        {
            Vpc = key.Vpc,
            VpcKey = key,
            IsOutside = true,
            CidrBlock = Fact<Ipv4Cidr>.Unknown,
            AvailabilityZone = Fact<string>.Unknown,
            MapPublicIpOnLaunch = Fact<bool>.Unknown,
            AssociationUnknown = true,
        };
    }

    private Dictionary<string, TaskDefinition> FamilyIndex()
    {
        var index = new Dictionary<string, TaskDefinition>(StringComparer.Ordinal);
        foreach (var definition in model.TaskDefinitions)
        {
            if (new ResourceProperties(definition.Resource).Text("family") is { IsKnown: true } family)
            {
                index.TryAdd(family.Value, definition);
            }

            if (definition.Resource.Id is { } id)
            {
                index.TryAdd(id, definition);
            }
        }

        return index;
    }

    private static LaunchType LaunchTypeOf(Fact<string> launchType, PropertyValue? strategies, TaskDefinition? taskDefinition)
    {
        if (launchType.IsKnown)
        {
            return launchType.Value.ToUpperInvariant() switch
            {
                "FARGATE" => LaunchType.Fargate,
                "EC2" => LaunchType.Ec2,
                "EXTERNAL" => LaunchType.External,
                _ => LaunchType.Unknown,
            };
        }

        if (launchType.IsUnknown)
        {
            return LaunchType.Unknown;
        }

        var providers = AsList(strategies);
        if (providers is { Count: > 0 })
        {
            var names = providers.Select(s => AsString(Field(s, "capacityProvider"))).ToList();
            if (names.All(n => n.Is(v => v is "FARGATE" or "FARGATE_SPOT")))
            {
                return LaunchType.Fargate;
            }

            return names.All(n => n.Is(v => v is not ("FARGATE" or "FARGATE_SPOT"))) ? LaunchType.Ec2 : LaunchType.Unknown;
        }

        // No launch type and no strategy: the cluster's default strategy applies (not modelled); a task definition
        // that is compatible with Fargate only settles it.
        var compat = taskDefinition?.RequiresCompatibilities;
        if (compat is { IsKnown: true } c && c.Value.Count > 0 && c.Value.All(v => v.Equals("FARGATE", StringComparison.OrdinalIgnoreCase)))
        {
            return LaunchType.Fargate;
        }

        return LaunchType.Unknown;
    }
}
