using System.Text.Json;
using FargateNetwork.Policies.Stack;
using static FargateNetwork.Policies.Model.ResourceProperties;

namespace FargateNetwork.Policies.Model;

/// <summary>Builds the <see cref="NetworkModel"/> from the resource graph, one pass per resource type.</summary>
internal sealed class NetworkModelBuilder
{
    private readonly ResourceGraph graph;
    private readonly NetworkModel model;
    private readonly Dictionary<StackResource, Vpc> vpcs = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<StackResource, Subnet> subnets = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<StackResource, RouteTable> routeTables = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<StackResource, InternetGateway> internetGateways = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<StackResource, NatGateway> natGateways = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<StackResource, VpcEndpoint> endpoints = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<StackResource, SecurityGroup> securityGroups = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<StackResource, TaskDefinition> taskDefinitions = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<StackResource, LoadBalancer> loadBalancers = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<StackResource, TargetGroup> targetGroups = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<StackResource, EndpointService> endpointServices = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, int> regionVotes = new(StringComparer.Ordinal);
    private readonly HashSet<Vpc?> markedForUnknownGatewayEndpoints = [];
    private Dictionary<string, TaskDefinition>? taskDefinitionsByFamily;
    private bool allTablesHaveUnknownRoutes;
    private bool allRulesUnknown;
    private bool allPrincipalsUnknown;

    private NetworkModelBuilder(ResourceGraph graph)
    {
        this.graph = graph;
        model = new NetworkModel(graph);
    }

    public static NetworkModel Build(ResourceGraph graph)
    {
        var builder = new NetworkModelBuilder(graph);
        builder.Run();
        return builder.model;
    }

    private void Run()
    {
        AddVpcs();
        AddSubnets();
        AddInternetGateways();
        AddNatGateways();
        AddRouteTables();
        AddRoutes();
        AddAssociations();
        AddSecurityGroups();
        AddEndpoints();
        AddTaskDefinitions();
        AddLoadBalancing();
        AddPlacements();
        AddEndpointServices();
        AddLogGroups();
        VoteRegions();
        model.Region = regionVotes.Count == 0 ? null : regionVotes.OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal).First().Key;
    }

    private static T? Lookup<T>(Dictionary<StackResource, T> index, ResourceRef reference)
        where T : class =>
        reference.Target is { } target && index.TryGetValue(target, out var found) ? found : null;

    private void AddVpcs()
    {
        foreach (var r in graph.OfType(AwsTypes.Vpc))
        {
            var p = new ResourceProperties(r);
            var vpc = new Vpc(r)
            {
                CidrBlock = ParseCidr(p.Text("cidrBlock")),

                // https://docs.aws.amazon.com/vpc/latest/userguide/vpc-dns.html : DNS support on, hostnames off for a non-default VPC.
                EnableDnsSupport = p.Bool("enableDnsSupport").OrDefault(true),
                EnableDnsHostnames = p.Bool("enableDnsHostnames").OrDefault(false),
            };
            vpcs[r] = vpc;
            model.Vpcs.Add(vpc);
        }
    }

    private void AddSubnets()
    {
        foreach (var r in graph.OfType(AwsTypes.Subnet))
        {
            var p = new ResourceProperties(r);
            var az = p.Text("availabilityZone");
            if (az.IsAbsent)
            {
                az = p.Text("availabilityZoneId");
            }

            var subnet = new Subnet(r)
            {
                Vpc = Lookup(vpcs, graph.Resolve(r, "vpcId")),
                CidrBlock = ParseCidr(p.Text("cidrBlock")),

                // An absent AZ is chosen by AWS at creation: unknown, not absent.
                AvailabilityZone = az.IsAbsent ? Fact<string>.Unknown : az,
                MapPublicIpOnLaunch = p.Bool("mapPublicIpOnLaunch").OrDefault(false),
            };
            subnet.Vpc?.Subnets.Add(subnet);
            subnets[r] = subnet;
            model.Subnets.Add(subnet);
        }
    }

    private void AddInternetGateways()
    {
        foreach (var r in graph.OfType(AwsTypes.InternetGateway))
        {
            var igw = new InternetGateway(r) { Vpc = Lookup(vpcs, graph.Resolve(r, "vpcId")) };
            igw.Vpc?.InternetGateways.Add(igw);
            internetGateways[r] = igw;
            model.InternetGateways.Add(igw);
        }

        foreach (var r in graph.OfType(AwsTypes.InternetGatewayAttachment))
        {
            if (Lookup(internetGateways, graph.Resolve(r, "internetGatewayId")) is { Vpc: null } igw
                && Lookup(vpcs, graph.Resolve(r, "vpcId")) is { } vpc)
            {
                igw.Vpc = vpc;
                vpc.InternetGateways.Add(igw);
            }
        }
    }

    private void AddNatGateways()
    {
        foreach (var r in graph.OfType(AwsTypes.NatGateway))
        {
            var p = new ResourceProperties(r);
            var subnetRef = graph.Resolve(r, "subnetId");
            var allocation = graph.Resolve(r, "allocationId");
            var publicIp = p.Text("publicIp");
            if (!publicIp.IsKnown && allocation.Target is { } eip)
            {
                publicIp = new ResourceProperties(eip).Text("publicIp");
            }

            var nat = new NatGateway(r)
            {
                Subnet = Lookup(subnets, subnetRef),
                SubnetRef = subnetRef.Kind,
                ConnectivityType = p.Text("connectivityType").OrDefault("public"),
                AvailabilityMode = p.Text("availabilityMode").OrDefault("zonal"),
                AllocationId = allocation,
                PublicIp = publicIp,
            };
            natGateways[r] = nat;
            model.NatGateways.Add(nat);
        }
    }

    private void AddRouteTables()
    {
        // VPC outputs name their default/main table by id (stack export), for DefaultRouteTable resolution.
        var vpcByDefaultTableId = new Dictionary<string, Vpc>(StringComparer.Ordinal);
        foreach (var vpc in model.Vpcs)
        {
            foreach (var key in (ReadOnlySpan<string>)["defaultRouteTableId", "mainRouteTableId"])
            {
                if (vpc.Resource.Outputs?.Properties.TryGetValue(key, out var id) == true && Unwrap(id) is StringValue s)
                {
                    vpcByDefaultTableId.TryAdd(s.Value, vpc);
                }
            }
        }

        foreach (var r in graph.OfType(AwsTypes.RouteTable))
        {
            var table = new RouteTable(r) { Vpc = Lookup(vpcs, graph.Resolve(r, "vpcId")) };
            routeTables[r] = table;
            model.RouteTables.Add(table);
        }

        foreach (var r in graph.OfType(AwsTypes.DefaultRouteTable))
        {
            var table = new RouteTable(r);
            var owner = new ResourceProperties(r).Get("defaultRouteTableId");
            var resolved = graph.Resolve(r, "defaultRouteTableId");
            var vpc = Lookup(vpcs, resolved)
                ?? (AsString(owner) is { IsKnown: true } id && vpcByDefaultTableId.TryGetValue(id.Value, out var byId) ? byId : null);
            table.Vpc = vpc;
            if (vpc is not null)
            {
                vpc.MainRouteTable ??= table;
            }

            routeTables[r] = table;
            model.RouteTables.Add(table);
        }

        foreach (var table in model.RouteTables)
        {
            if (table.Vpc?.CidrBlock is { IsKnown: true } cidr)
            {
                table.Routes.Add(new Route(null, cidr, Fact<string>.Absent, RouteTargetKind.Local, null, null, "local"));
            }

            var inline = new ResourceProperties(table.Resource!).Get("routes");
            var items = AsList(inline);
            if (items is null)
            {
                table.HasUnknownRoutes = true;
                continue;
            }

            foreach (var item in items)
            {
                AddRoute(table, table.Resource!, item, "cidrBlock");
            }
        }
    }

    private void AddRoutes()
    {
        foreach (var r in graph.OfType(AwsTypes.Route))
        {
            var tableRef = graph.Resolve(r, "routeTableId");
            if (Lookup(routeTables, tableRef) is { } table)
            {
                AddRoute(table, r, new ObjectValue(MergedProperties(r)), "destinationCidrBlock");
            }
            else if (tableRef.IsUnknown && !allTablesHaveUnknownRoutes)
            {
                // A route whose table is unknown could belong to any table.
                allTablesHaveUnknownRoutes = true;
                foreach (var t in model.RouteTables)
                {
                    t.HasUnknownRoutes = true;
                }
            }
        }
    }

    private static Dictionary<string, PropertyValue> MergedProperties(StackResource r)
    {
        var merged = new Dictionary<string, PropertyValue>(r.Inputs.Properties, StringComparer.Ordinal);
        return merged;
    }

    private void AddRoute(RouteTable table, StackResource source, PropertyValue item, string cidrKey)
    {
        if (Unwrap(item) is not ObjectValue route)
        {
            table.HasUnknownRoutes = true;
            return;
        }

        var destination = ParseCidr(AsString(Field(route, cidrKey)));
        var prefixList = AsString(Field(route, "destinationPrefixListId"));
        if (destination.IsAbsent && prefixList.IsAbsent)
        {
            // An IPv6-only route (destinationIpv6CidrBlock / ipv6CidrBlock): outside this IPv4 model.
            if (AsString(Field(route, "destinationIpv6CidrBlock")).IsAbsent && AsString(Field(route, "ipv6CidrBlock")).IsAbsent)
            {
                table.HasUnknownRoutes = true;
            }

            return;
        }

        var (kind, igw, nat, description) = RouteTarget(source, route);
        table.Routes.Add(new Route(source, destination, prefixList, kind, igw, nat, description));
    }

    private (RouteTargetKind Kind, InternetGateway? Igw, NatGateway? Nat, string Description) RouteTarget(StackResource source, ObjectValue route)
    {
        var isRouteResource = ResourceGraph.CanonicalType(source.Type) == AwsTypes.Route;
        ResourceRef Target(string key) => isRouteResource ? graph.Resolve(source, key) : graph.Resolve(Field(route, key));

        var nat = Target("natGatewayId");
        if (nat.Kind != RefKind.Absent)
        {
            return Lookup(natGateways, nat) is { } natGateway
                ? (RouteTargetKind.NatGateway, null, natGateway, $"NAT gateway {natGateway.Name}")
                : (RouteTargetKind.Unknown, null, null, nat.ExternalId is { } id ? $"NAT gateway {id} (outside the stack)" : "a NAT gateway not known yet");
        }

        var gateway = Target("gatewayId");
        if (gateway.Kind != RefKind.Absent)
        {
            if (Lookup(internetGateways, gateway) is { } igw)
            {
                return (RouteTargetKind.InternetGateway, igw, null, $"internet gateway {igw.Resource.Name}");
            }

            return gateway switch
            {
                { ExternalId: "local" } => (RouteTargetKind.Local, null, null, "local"),
                { ExternalId: { } id } when id.StartsWith("igw-", StringComparison.Ordinal) => (RouteTargetKind.InternetGateway, null, null, $"internet gateway {id}"),
                { ExternalId: { } id } => (RouteTargetKind.Other, null, null, $"gateway {id}"),
                { Target: { } other } => (RouteTargetKind.Other, null, null, $"{other.Type} {other.Name}"),
                _ => (RouteTargetKind.Unknown, null, null, "a gateway not known yet"),
            };
        }

        foreach (var key in (ReadOnlySpan<string>)["transitGatewayId", "vpcPeeringConnectionId", "networkInterfaceId", "vpcEndpointId",
                     "egressOnlyGatewayId", "carrierGatewayId", "localGatewayId", "coreNetworkArn", "instanceId", "odbNetworkArn"])
        {
            var other = Target(key);
            if (other.Kind != RefKind.Absent)
            {
                var what = other.Target?.Name ?? other.ExternalId ?? "(not known yet)";
                return (RouteTargetKind.Other, null, null, $"{key} {what}");
            }
        }

        return (RouteTargetKind.Unknown, null, null, "a target the model cannot read");
    }

    private void AddAssociations()
    {
        foreach (var r in graph.OfType(AwsTypes.RouteTableAssociation))
        {
            var subnetRef = graph.Resolve(r, "subnetId");
            var tableRef = graph.Resolve(r, "routeTableId");
            if (subnetRef.Kind == RefKind.Absent)
            {
                continue; // an edge association (gatewayId)
            }

            if (Lookup(subnets, subnetRef) is { } subnet)
            {
                if (Lookup(routeTables, tableRef) is { } table)
                {
                    subnet.AssociatedRouteTable = table;
                }
                else
                {
                    subnet.AssociationUnknown = true;
                }
            }
            else if (subnetRef.IsUnknown)
            {
                model.HasUnresolvedSubnetAssociations = true;
            }
        }

        foreach (var r in graph.OfType(AwsTypes.MainRouteTableAssociation))
        {
            if (Lookup(vpcs, graph.Resolve(r, "vpcId")) is not { } vpc)
            {
                continue;
            }

            if (Lookup(routeTables, graph.Resolve(r, "routeTableId")) is { } table)
            {
                vpc.MainRouteTable = table;
            }
            else
            {
                vpc.MainRouteTableUnknown = true;
            }
        }
    }

    private void AddSecurityGroups()
    {
        foreach (var r in graph.OfType(AwsTypes.SecurityGroup))
        {
            securityGroups[r] = new SecurityGroup(r);
            model.SecurityGroups.Add(securityGroups[r]);
        }

        foreach (var group in model.SecurityGroups)
        {
            foreach (var (key, rules) in new[] { ("ingress", group.Ingress), ("egress", group.Egress) })
            {
                var items = AsList(new ResourceProperties(group.Resource).Get(key));
                if (items is null)
                {
                    MarkUnknown(group, key);
                    continue;
                }

                foreach (var item in items)
                {
                    if (Unwrap(item) is not ObjectValue rule)
                    {
                        MarkUnknown(group, key);
                        continue;
                    }

                    var (groups, groupsUnknown) = ResolveGroups(Field(rule, "securityGroups"));
                    rules.Add(new TrafficRule(
                        group.Resource,
                        AsString(Field(rule, "protocol")),
                        AsNumber(Field(rule, "fromPort")),
                        AsNumber(Field(rule, "toPort")),
                        Cidrs(Field(rule, "cidrBlocks")),
                        groups,
                        groupsUnknown,
                        AsBool(Field(rule, "self")).OrDefault(false),
                        AsList(Field(rule, "prefixListIds")) is not { Count: 0 }));
                }
            }
        }

        foreach (var r in graph.OfType(AwsTypes.SecurityGroupRule))
        {
            var p = new ResourceProperties(r);
            var type = p.Text("type");
            var owner = graph.Resolve(r, "securityGroupId");
            if (Lookup(securityGroups, owner) is not { } group)
            {
                MarkAllRulesUnknownIf(owner.IsUnknown);
                continue;
            }

            if (type.IsUnknown)
            {
                group.IngressUnknown = true;
                group.EgressUnknown = true;
                continue;
            }

            var rules = type.Is(t => t == "egress") ? group.Egress : group.Ingress;

            var source = graph.Resolve(r, "sourceSecurityGroupId");
            var sourceGroup = Lookup(securityGroups, source);
            rules.Add(new TrafficRule(
                r,
                p.Text("protocol"),
                p.Number("fromPort"),
                p.Number("toPort"),
                Cidrs(p.Get("cidrBlocks")),
                sourceGroup is null ? [] : [sourceGroup],
                source.Kind is RefKind.Unknown or RefKind.External,
                p.Bool("self").OrDefault(false),
                AsList(p.Get("prefixListIds")) is not { Count: 0 }));
        }

        foreach (var r in graph.OfTypes(AwsTypes.SecurityGroupIngressRule, AwsTypes.SecurityGroupEgressRule))
        {
            var p = new ResourceProperties(r);
            var owner = graph.Resolve(r, "securityGroupId");
            if (Lookup(securityGroups, owner) is not { } group)
            {
                MarkAllRulesUnknownIf(owner.IsUnknown);
                continue;
            }

            var rules = ResourceGraph.CanonicalType(r.Type) == AwsTypes.SecurityGroupEgressRule ? group.Egress : group.Ingress;

            var source = graph.Resolve(r, "referencedSecurityGroupId");
            var sourceGroup = Lookup(securityGroups, source);
            var cidr = ParseCidr(p.Text("cidrIpv4"));
            rules.Add(new TrafficRule(
                r,
                p.Text("ipProtocol"),
                p.Number("fromPort"),
                p.Number("toPort"),
                cidr.IsAbsent ? [] : [cidr],
                sourceGroup is null ? [] : [sourceGroup],
                source.Kind is RefKind.Unknown or RefKind.External,
                Fact<bool>.Of(false),
                !p.Text("prefixListId").IsAbsent));
        }
    }

    private static void MarkUnknown(SecurityGroup group, string direction)
    {
        if (direction == "ingress")
        {
            group.IngressUnknown = true;
        }
        else
        {
            group.EgressUnknown = true;
        }
    }

    private void MarkAllRulesUnknownIf(bool condition)
    {
        if (!condition || allRulesUnknown)
        {
            return;
        }

        allRulesUnknown = true;
        foreach (var group in model.SecurityGroups)
        {
            group.IngressUnknown = true;
            group.EgressUnknown = true;
        }
    }

    private (List<SecurityGroup> Groups, bool Unknown) ResolveGroups(PropertyValue? value)
    {
        var refs = graph.ResolveList(value);
        if (refs is null)
        {
            return ([], true);
        }

        var groups = new List<SecurityGroup>();
        var unknown = false;
        foreach (var reference in refs)
        {
            if (Lookup(securityGroups, reference) is { } group)
            {
                groups.Add(group);
            }
            else
            {
                unknown |= reference.Kind != RefKind.Absent;
            }
        }

        return (groups, unknown);
    }

    private (List<Subnet> Subnets, bool Unknown) ResolveSubnets(PropertyValue? value)
    {
        var refs = graph.ResolveList(value);
        if (refs is null)
        {
            return ([], true);
        }

        var list = new List<Subnet>();
        var unknown = false;
        foreach (var reference in refs)
        {
            if (Lookup(subnets, reference) is { } subnet)
            {
                list.Add(subnet);
            }
            else
            {
                unknown |= reference.Kind != RefKind.Absent;
            }
        }

        return (list, unknown);
    }

    private static List<Fact<Cidr>> Cidrs(PropertyValue? value)
    {
        var items = AsList(value);
        return items is null ? [Fact<Cidr>.Unknown] : items.Select(i => ParseCidr(AsString(i))).ToList();
    }

    private static Fact<Cidr> ParseCidr(Fact<string> text) =>
        (text.IsKnown
            ? Cidr.TryParse(text.Value, out var cidr) ? Fact<Cidr>.Of(cidr) : Fact<Cidr>.Absent // IPv6 or malformed: not an IPv4 block
            : text.IsUnknown ? Fact<Cidr>.Unknown : Fact<Cidr>.Absent).Secret(text.IsSecret);

    private void AddEndpoints()
    {
        foreach (var r in graph.OfType(AwsTypes.VpcEndpoint))
        {
            var p = new ResourceProperties(r);
            var vpcRef = graph.Resolve(r, "vpcId");
            var name = p.Text("serviceName");
            var endpoint = new VpcEndpoint(r)
            {
                Vpc = Lookup(vpcs, vpcRef),
                VpcRef = vpcRef.Kind,
                ServiceName = name,
                Service = name.IsKnown && EndpointServiceName.TryParse(name.Value, out var parsed) ? parsed.Service : null,
                EndpointType = p.Text("vpcEndpointType").OrDefault("Gateway"),
                PrivateDnsEnabled = p.Bool("privateDnsEnabled").OrDefault(false),
                Policy = p.InputText("policy"),
            };
            if (name is { IsKnown: true, IsSecret: false } && EndpointServiceName.TryParse(name.Value, out var region))
            {
                Vote(region.Region);
            }

            var (endpointSubnets, subnetsUnknown) = ResolveSubnets(p.Get("subnetIds"));
            endpoint.Subnets.AddRange(endpointSubnets);
            endpoint.SubnetsUnknown = subnetsUnknown;
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

            var (groups, groupsUnknown) = ResolveGroups(p.Get("securityGroupIds"));
            endpoint.SecurityGroups.AddRange(groups);

            // No group given: AWS attaches the VPC's default security group, which the stack does not model.
            endpoint.SecurityGroupsUnknown = groupsUnknown || groups.Count == 0;
            var tableRefs = graph.ResolveList(p.Get("routeTableIds"));
            if (tableRefs is null)
            {
                endpoint.RouteTablesUnknown = true;
            }
            else
            {
                foreach (var reference in tableRefs)
                {
                    if (Lookup(routeTables, reference) is { } table)
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
                if (Lookup(routeTables, graph.Resolve(r, "routeTableId")) is { } table)
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

    private void AddTaskDefinitions()
    {
        foreach (var r in graph.OfType(AwsTypes.TaskDefinition))
        {
            var p = new ResourceProperties(r);
            var compat = AsList(p.Get("requiresCompatibilities"));
            var definition = new TaskDefinition(r)
            {
                Containers = Containers(p.Get("containerDefinitions")),
                RequiresCompatibilities = compat is null
                    ? Fact<IReadOnlyList<string>>.Unknown
                    : Fact<IReadOnlyList<string>>.Of(compat.Select(c => AsString(c)).Where(c => c.IsKnown).Select(c => c.Value).ToList()),
                NetworkMode = p.Text("networkMode"),
            };
            taskDefinitions[r] = definition;
            model.TaskDefinitions.Add(definition);
        }
    }

    private List<ContainerDefinition>? Containers(PropertyValue? value)
    {
        var raw = Unwrap(value);
        if (raw is StringValue json)
        {
            try
            {
                using var document = JsonDocument.Parse(json.Value);
                raw = FromJson(document.RootElement);
                if (value is SecretValue)
                {
                    raw = new SecretValue(raw);
                }
            }
            catch (JsonException)
            {
                return null;
            }
        }

        if (raw is not (ArrayValue or SecretValue { Inner: ArrayValue }))
        {
            return raw is null ? [] : null;
        }

        var containers = new List<ContainerDefinition>();
        foreach (var item in AsList(value is SecretValue && raw is ArrayValue ? new SecretValue(raw) : raw)!)
        {
            if (Unwrap(item) is not ObjectValue)
            {
                return null;
            }

            var container = item;
            var imageValue = Field(container, "image");
            var image = AsString(imageValue);
            var registry = ContainerDefinition.Classify(image);
            if (registry == ImageRegistry.Unknown && graph.Resolve(imageValue).Target is { } repository && ResourceGraph.CanonicalType(repository.Type) == "aws:ecr/repository:Repository")
            {
                registry = ImageRegistry.Ecr;
            }

            var logConfiguration = Field(container, "logConfiguration");
            var options = Field(logConfiguration, "options");
            var (secretsManager, ssm, unknown) = SecretSources(container);
            containers.Add(new ContainerDefinition(
                AsString(Field(container, "name")) is { IsKnown: true } n ? n.Shown : "(unnamed)",
                image,
                registry,
                AsString(Field(logConfiguration, "logDriver")),
                AsString(Field(options, "awslogs-group")),
                AsBool(Field(options, "awslogs-create-group")).OrDefault(false),
                secretsManager,
                ssm,
                unknown));
        }

        return containers;
    }

    /// <summary>
    /// Counts secrets by store. <c>valueFrom</c> is a Secrets Manager ARN, an SSM parameter ARN, or a parameter name
    /// (same Region). <c>repositoryCredentials.credentialsParameter</c> is a Secrets Manager secret.
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html
    /// </summary>
    private (int SecretsManager, int Ssm, bool Unknown) SecretSources(PropertyValue container)
    {
        int secretsManager = 0, ssm = 0;
        var unknown = false;
        void Classify(PropertyValue? valueFrom)
        {
            var text = AsString(valueFrom);
            if (text.IsKnown)
            {
                if (text.Value.Contains(":secretsmanager:", StringComparison.Ordinal))
                {
                    secretsManager++;
                }
                else
                {
                    ssm++;
                }

                return;
            }

            if (text.IsAbsent)
            {
                return;
            }

            var target = graph.Resolve(valueFrom).Target;
            if (target is not null && ResourceGraph.CanonicalType(target.Type).StartsWith("aws:secretsmanager/", StringComparison.Ordinal))
            {
                secretsManager++;
            }
            else if (target is not null && ResourceGraph.CanonicalType(target.Type).StartsWith("aws:ssm/", StringComparison.Ordinal))
            {
                ssm++;
            }
            else
            {
                unknown = true;
            }
        }

        var secrets = AsList(Field(container, "secrets"));
        if (secrets is null)
        {
            unknown = true;
        }
        else
        {
            foreach (var secret in secrets)
            {
                Classify(Field(secret, "valueFrom"));
            }
        }

        var credentials = Field(Field(container, "repositoryCredentials"), "credentialsParameter");
        if (credentials is not null)
        {
            if (AsString(credentials).IsKnown || graph.Resolve(credentials).Target is not null)
            {
                secretsManager++;
            }
            else
            {
                unknown = true;
            }
        }

        return (secretsManager, ssm, unknown);
    }

    private static PropertyValue FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new ObjectValue(element.EnumerateObject().ToDictionary(p => p.Name, p => FromJson(p.Value), StringComparer.Ordinal)),
        JsonValueKind.Array => new ArrayValue(element.EnumerateArray().Select(FromJson).ToList()),
        JsonValueKind.String => new StringValue(element.GetString()!),
        JsonValueKind.Number => new NumberValue(element.GetDouble()),
        JsonValueKind.True => new BoolValue(true),
        JsonValueKind.False => new BoolValue(false),
        _ => NullValue.Instance,
    };

    private void AddLoadBalancing()
    {
        foreach (var r in graph.OfTypes(AwsTypes.LoadBalancer, AwsTypes.AlbLoadBalancer))
        {
            var p = new ResourceProperties(r);
            var lb = new LoadBalancer(r)
            {
                Internal = p.Bool("internal").OrDefault(false),
                LoadBalancerType = p.Text("loadBalancerType").OrDefault("application"),
            };
            var (lbSubnets, unknown) = ResolveSubnets(p.Get("subnets"));
            lb.Subnets.AddRange(lbSubnets);
            lb.SubnetsUnknown = unknown;
            var mappings = AsList(p.Get("subnetMappings"));
            if (mappings is null)
            {
                lb.SubnetsUnknown = true;
            }
            else
            {
                foreach (var mapping in mappings)
                {
                    var reference = graph.Resolve(Field(mapping, "subnetId"));
                    if (Lookup(subnets, reference) is { } subnet)
                    {
                        lb.Subnets.Add(subnet);
                    }
                    else
                    {
                        lb.SubnetsUnknown = true;
                    }
                }
            }

            loadBalancers[r] = lb;
            model.LoadBalancers.Add(lb);
        }

        foreach (var r in graph.OfTypes(AwsTypes.TargetGroup, AwsTypes.AlbTargetGroup))
        {
            var tg = new TargetGroup(r) { TargetType = new ResourceProperties(r).Text("targetType").OrDefault("instance") };
            targetGroups[r] = tg;
            model.TargetGroups.Add(tg);
        }

        foreach (var r in graph.OfTypes(AwsTypes.Listener, AwsTypes.AlbListener))
        {
            if (Lookup(loadBalancers, graph.Resolve(r, "loadBalancerArn")) is not { } lb)
            {
                continue;
            }

            foreach (var action in AsList(new ResourceProperties(r).Get("defaultActions")) ?? [])
            {
                var targets = new List<PropertyValue?> { Field(action, "targetGroupArn") };
                targets.AddRange((AsList(Field(Field(action, "forward"), "targetGroups")) ?? []).Select(t => Field(t, "arn")));
                foreach (var target in targets)
                {
                    if (Lookup(targetGroups, graph.Resolve(target)) is { } tg && !lb.TargetGroups.Contains(tg))
                    {
                        lb.TargetGroups.Add(tg);
                    }
                }
            }
        }
    }

    private void AddPlacements()
    {
        foreach (var r in graph.OfType(AwsTypes.EcsService))
        {
            var p = new ResourceProperties(r);
            var placement = Placement(r, p.Get("networkConfiguration"), p.Get("launchType"), p.Get("capacityProviderStrategies"), p.Get("platformVersion"), graph.Resolve(r, "taskDefinition"));
            if (placement is null)
            {
                continue;
            }

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
                Placement(r, Field(target, "networkConfiguration"), Field(target, "launchType"), Field(target, "capacityProviderStrategies"), Field(target, "platformVersion"), graph.Resolve(Field(target, "taskDefinitionArn")));
            }
        }

        foreach (var r in graph.OfType(AwsTypes.Schedule))
        {
            var parameters = Field(new ResourceProperties(r).Get("target"), "ecsParameters");
            if (parameters is not null)
            {
                Placement(r, Field(parameters, "networkConfiguration"), Field(parameters, "launchType"), Field(parameters, "capacityProviderStrategies"), Field(parameters, "platformVersion"), graph.Resolve(Field(parameters, "taskDefinitionArn")));
            }
        }
    }

    private TaskPlacement? Placement(StackResource r, PropertyValue? network, PropertyValue? launchType, PropertyValue? strategies, PropertyValue? platformVersion, ResourceRef taskDefinitionRef)
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
        };
        var (placementSubnets, subnetsUnknown) = ResolveSubnets(Field(network, "subnets"));
        placement.Subnets.AddRange(placementSubnets);
        placement.SubnetsUnknown = subnetsUnknown;
        var groupsValue = Field(network, "securityGroups");
        var (groups, groupsUnknown) = ResolveGroups(groupsValue);
        placement.SecurityGroups.AddRange(groups);

        // No group: ECS uses the VPC's default security group, which the stack does not model.
        placement.SecurityGroupsUnknown = groupsUnknown || groups.Count == 0;
        model.Placements.Add(placement);
        return placement;
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

    private void AddLogGroups()
    {
        foreach (var r in graph.OfType(AwsTypes.LogGroup))
        {
            var p = new ResourceProperties(r);
            var name = p.Text("name");
            model.LogGroups.Add(new LogGroup(r, name, !p.Text("namePrefix").IsAbsent));
        }
    }

    private void VoteRegions()
    {
        foreach (var r in graph.Resources)
        {
            if (r.Type.StartsWith("aws:", StringComparison.Ordinal) && r.Inputs.Properties.TryGetValue("region", out var region) && AsString(region) is { IsKnown: true, IsSecret: false } known)
            {
                Vote(known.Value);
            }
        }

        foreach (var subnet in model.Subnets)
        {
            // AZ names are the Region plus a letter (ap-northeast-1a); AZ ids (apne1-az1) say nothing here. A secret AZ
            // does not vote: the Region would be text derived from a secret in every endpoint service name printed.
            if (subnet.AvailabilityZone is { IsKnown: true, IsSecret: false } && subnet.AvailabilityZone.Value is { Length: > 1 } az && char.IsLetter(az[^1]) && char.IsDigit(az[^2]))
            {
                Vote(az[..^1]);
            }
        }
    }

    private void Vote(string region)
    {
        if (region.Length > 0)
        {
            regionVotes[region] = regionVotes.GetValueOrDefault(region) + 1;
        }
    }
}
