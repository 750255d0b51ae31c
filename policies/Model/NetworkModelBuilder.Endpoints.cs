using static StackRules.ResourceProperties;

namespace FargateNetwork.Policies.Model;

/// <summary>The model builder's reader of vPC endpoints with their subnet and route-table associations, and endpoint services.</summary>
internal sealed partial class NetworkModelBuilder
{
    private void AddEndpoints()
    {
        foreach (var r in graph.OfType(AwsTypes.VpcEndpoint))
        {
            var p = new ResourceProperties(r);
            var vpcRef = graph.Resolve(r, "vpcId");
            var name = p.Text("serviceName");
            var parsed = name.IsKnown ? ParsedServiceName(name.Value) : null;
            var endpoint = new VpcEndpoint(r)
            {
                Vpc = Lookup(vpcs, vpcRef),
                VpcRef = vpcRef.Kind,
                VpcKey = VpcKeyOf(vpcRef),
                ServiceName = name,
                Service = parsed?.Service,
                EndpointType = p.Text("vpcEndpointType").OrDefault("Gateway"),
                PrivateDnsEnabled = p.Bool("privateDnsEnabled").OrDefault(false),
                Policy = p.InputText("policy"),
            };
            if (!name.IsSecret && parsed is { } region)
            {
                Vote(region.Region);
            }

            endpoint.SubnetsUnknown = ResolveInto(subnets, p.Get("subnetIds"), endpoint.Subnets);
            var configurations = AsList(p.Get("subnetConfigurations"));
            if (configurations is null)
            {
                endpoint.SubnetsUnknown = true;
            }
            else
            {
                foreach (var configuration in configurations)
                {
                    var subnetRef = graph.Resolve(Field(configuration, "subnetId"));
                    if (Lookup(subnets, subnetRef) is { } s && !endpoint.Subnets.Contains(s))
                    {
                        endpoint.Subnets.Add(s);
                    }
                    else if (subnetRef.Kind is RefKind.Unknown or RefKind.External)
                    {
                        endpoint.SubnetsUnknown = true;
                    }
                }
            }

            var groupsUnknown = ResolveInto(securityGroups, p.Get("securityGroupIds"), endpoint.SecurityGroups);

            // No group given: AWS attaches the VPC's default security group, which the stack does not model.
            endpoint.SecurityGroupsUnknown = groupsUnknown || endpoint.SecurityGroups.Count == 0;
            var tableIds = AsList(p.Get("routeTableIds"));
            if (tableIds is null)
            {
                endpoint.RouteTablesUnknown = true;
            }
            else
            {
                for (var i = 0; i < tableIds.Count; i++)
                {
                    var reference = graph.Resolve(tableIds[i]);
                    if (TableOf(reference) is { } table)
                    {
                        endpoint.RouteTables.Add(table);
                    }
                    else if (reference.IsUnknown)
                    {
                        endpoint.RouteTablesUnknown = true;
                    }
                }
            }

            endpoint.Vpc?.Endpoints.Add(endpoint);
            endpoints[r] = endpoint;
            model.Endpoints.Add(endpoint);
        }

        foreach (var r in graph.OfType(AwsTypes.VpcEndpointSubnetAssociation))
        {
            var endpointRef = graph.Resolve(r, "vpcEndpointId");
            var subnetRef = graph.Resolve(r, "subnetId");
            if (Lookup(endpoints, endpointRef) is { } endpoint)
            {
                if (Lookup(subnets, subnetRef) is { } subnet)
                {
                    endpoint.Subnets.Add(subnet);
                }
                else
                {
                    endpoint.SubnetsUnknown = true;
                }
            }
        }

        foreach (var r in graph.OfType(AwsTypes.VpcEndpointRouteTableAssociation))
        {
            if (Lookup(endpoints, graph.Resolve(r, "vpcEndpointId")) is { } endpoint)
            {
                if (TableOf(graph.Resolve(r, "routeTableId")) is { } table)
                {
                    endpoint.RouteTables.Add(table);
                }
                else
                {
                    endpoint.RouteTablesUnknown = true;
                }
            }
        }

        foreach (var endpoint in model.Endpoints)
        {
            if (!endpoint.IsGateway)
            {
                continue;
            }

            foreach (var table in endpoint.RouteTables)
            {
                table.GatewayEndpoints.Add(endpoint);
            }

            if (endpoint.RouteTablesUnknown && markedForUnknownGatewayEndpoints.Add(endpoint.Vpc))
            {
                foreach (var table in model.RouteTables.Where(t => t.Vpc is null || t.Vpc == endpoint.Vpc || endpoint.Vpc is null))
                {
                    table.MayHaveUnknownGatewayEndpoints = true;
                }
            }
        }
    }

    /// <summary>A service name parsed once per build (every copy of a VPC names the same services).</summary>
    private EndpointServiceName? ParsedServiceName(string name)
    {
        if (!parsedServiceNames.TryGetValue(name, out var parsed))
        {
            parsedServiceNames[name] = parsed = EndpointServiceName.TryParse(name, out var serviceName) ? serviceName : null;
        }

        return parsed;
    }

    private void AddEndpointServices()
    {
        foreach (var r in graph.OfType(AwsTypes.VpcEndpointService))
        {
            var p = new ResourceProperties(r);
            var service = new EndpointService(r) { AcceptanceRequired = p.Bool("acceptanceRequired") };
            var principals = AsList(p.Get("allowedPrincipals"));
            if (principals is null)
            {
                service.AllowedPrincipalsUnknown = true;
            }
            else
            {
                service.AllowedPrincipals.AddRange(principals.Select(v => AsString(v)));
            }

            foreach (var reference in graph.ResolveList(p.Get("networkLoadBalancerArns")) ?? [])
            {
                if (Lookup(loadBalancers, reference) is { } lb)
                {
                    service.NetworkLoadBalancers.Add(lb);
                }
            }

            endpointServices[r] = service;
            model.EndpointServices.Add(service);
        }

        foreach (var r in graph.OfType(AwsTypes.VpcEndpointServiceAllowedPrinciple))
        {
            var target = graph.Resolve(r, "vpcEndpointServiceId");
            if (Lookup(endpointServices, target) is { } service)
            {
                service.AllowedPrincipals.Add(new ResourceProperties(r).Text("principalArn"));
            }
            else if (target.IsUnknown && !allPrincipalsUnknown)
            {
                allPrincipalsUnknown = true;
                foreach (var s in model.EndpointServices)
                {
                    s.AllowedPrincipalsUnknown = true;
                }
            }
        }
    }
}
