using FargateNetwork.Policies.Model;

namespace FargateNetwork.Policies.Reachability;

/// <summary>
/// Answers "from this subnet, for these tasks, how does traffic reach this destination?" over the
/// <see cref="NetworkModel"/>. Results are cached per (placement, subnet, destination).
/// <list type="bullet">
/// <item>AWS services with an interface endpoint in the VPC: the endpoint, when private DNS is on (and the VPC's DNS
/// support and hostnames), its security groups admit TCP 443 from the task, and it has an ENI (ideally in the task's
/// AZ). With private DNS off, the service's public name resolves to public addresses and the routes decide.
/// https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html</item>
/// <item>S3: the gateway endpoint when it is on the subnet's route table (its prefix-list route beats
/// <c>0.0.0.0/0</c>), else the routes. An S3 <i>interface</i> endpoint does not serve ECR layers (fact sheet §1.2).</item>
/// <item>The internet, AWS public endpoints and fixed-egress CIDRs: longest-prefix match in the subnet's route table;
/// an internet gateway needs a public IP on the task ENI; a NAT gateway must be public, in another subnet, and its
/// subnet must route to an internet gateway.</item>
/// </list>
/// </summary>
public sealed class ReachabilityAnalysis
{
    private readonly NetworkModel model;
    private readonly Dictionary<(Vpc, string), List<VpcEndpoint>> interfaceEndpoints = [];
    private readonly HashSet<string> servicesWithUnresolvedEndpoints = new(StringComparer.Ordinal);
    private readonly HashSet<Vpc> vpcsWithS3Gateway = [];
    private readonly Dictionary<(TaskPlacement, Subnet, Destination), NetworkPath> cache = [];

    public ReachabilityAnalysis(NetworkModel model)
    {
        this.model = model;
        foreach (var endpoint in model.Endpoints)
        {
            if (endpoint.Vpc is null || endpoint.Service is null || endpoint.EndpointType.IsUnknown)
            {
                // An endpoint whose VPC, service or type is not known could serve any task subnet.
                if (endpoint.Service is { } s)
                {
                    servicesWithUnresolvedEndpoints.Add(s);
                }
                else if (!endpoint.ServiceName.IsKnown)
                {
                    servicesWithUnresolvedEndpoints.Add("*");
                }

                continue;
            }

            if (endpoint.IsInterface)
            {
                var key = (endpoint.Vpc, endpoint.Service);
                if (!interfaceEndpoints.TryGetValue(key, out var list))
                {
                    interfaceEndpoints[key] = list = [];
                }

                list.Add(endpoint);
            }
            else if (endpoint.IsGateway && endpoint.Service == Destination.S3)
            {
                vpcsWithS3Gateway.Add(endpoint.Vpc);
            }
        }
    }

    public NetworkModel Model => model;

    /// <summary>The path from <paramref name="subnet"/> for the tasks of <paramref name="placement"/>.</summary>
    public NetworkPath Find(TaskPlacement placement, Subnet subnet, Destination destination)
    {
        var key = (placement, subnet, destination);
        if (!cache.TryGetValue(key, out var path))
        {
            path = destination.Service switch
            {
                null => ThroughRoutes(placement, subnet, destination.Block),
                Destination.S3 => ToS3(placement, subnet),
                { } service => ToInterfaceService(placement, subnet, service),
            };
            if (destination.IsService || destination == Destination.Internet)
            {
                path = WithTaskEgress(placement, path);
            }

            cache[key] = path;
        }

        return path;
    }

    /// <summary>The interface endpoints of a service in a VPC.</summary>
    public IReadOnlyList<VpcEndpoint> InterfaceEndpoints(Vpc vpc, string service) =>
        interfaceEndpoints.TryGetValue((vpc, service), out var list) ? list : [];

    private bool MayHaveUnresolvedEndpoint(string service) =>
        servicesWithUnresolvedEndpoints.Contains(service) || servicesWithUnresolvedEndpoints.Contains("*");

    private NetworkPath ToInterfaceService(TaskPlacement placement, Subnet subnet, string service)
    {
        if (subnet.Vpc is not { } vpc)
        {
            var routes = ThroughRoutes(placement, subnet, Cidr.Any);
            return routes.Reaches ? routes : NetworkPath.Unknown($"the VPC of subnet {subnet.Name} is outside the stack, so its endpoints are unknown");
        }

        if (vpc.EnableDnsSupport.Is(on => !on))
        {
            // https://docs.aws.amazon.com/AmazonECS/latest/userguide/stopped-task-error-codes.html : a VPC without DNS resolution.
            return NetworkPath.NoPath(NoPathReason.VpcDnsOff, $"VPC {vpc.Resource.Name} has enableDnsSupport false: no name resolves", vpc.Resource);
        }

        var candidates = InterfaceEndpoints(vpc, service);
        if (candidates.Count == 0)
        {
            var routes = ThroughRoutes(placement, subnet, Cidr.Any);
            if (routes.IsNone && MayHaveUnresolvedEndpoint(service))
            {
                return NetworkPath.Unknown($"an endpoint for {service} may exist but its VPC or type is not known yet");
            }

            return routes.IsNone
                ? routes with { Detail = $"no {service} interface endpoint in VPC {vpc.Resource.Name}, and {routes.Detail}" }
                : routes;
        }

        // Only one endpoint per service can hold the private DNS zone; prefer it.
        var endpoint = candidates.FirstOrDefault(e => e.PrivateDnsEnabled.Is(on => on)) ?? candidates[0];
        var privateDns = endpoint.PrivateDnsEnabled;
        var hostnames = vpc.EnableDnsHostnames;
        if (!privateDns.Is(on => on) || !hostnames.Is(on => on))
        {
            // Without private DNS the service's default name resolves to public addresses: the routes decide.
            var routes = ThroughRoutes(placement, subnet, Cidr.Any);
            if (routes.Reaches)
            {
                return routes;
            }

            if (privateDns.IsUnknown || hostnames.IsUnknown || routes.Kind == PathKind.Unknown)
            {
                return NetworkPath.Unknown($"whether {service} resolves to endpoint {endpoint.Name} is not known yet");
            }

            var why = privateDns.Is(on => !on)
                ? $"endpoint {endpoint.Name} has private DNS off, so {model.ServiceName(service)} resolves to public addresses, and {routes.Detail}"
                : $"VPC {vpc.Resource.Name} has enableDnsHostnames false, so endpoint {endpoint.Name}'s private DNS does not apply, and {routes.Detail}";
            return NetworkPath.NoPath(NoPathReason.PrivateDnsOff, why, endpoint.Resource, endpoint);
        }

        if (endpoint.Subnets.Count == 0)
        {
            return endpoint.SubnetsUnknown
                ? NetworkPath.Unknown($"the subnets of endpoint {endpoint.Name} are not known yet")
                : NetworkPath.NoPath(NoPathReason.EndpointWithoutSubnets, $"endpoint {endpoint.Name} has no subnet, hence no network interface", endpoint.Resource, endpoint);
        }

        var admitted = AdmitsHttps(endpoint, placement, subnet);
        if (admitted == false)
        {
            var groups = string.Join(", ", endpoint.SecurityGroups.Select(g => g.Name));
            return NetworkPath.NoPath(
                NoPathReason.SecurityGroupClosed,
                $"the security groups of endpoint {endpoint.Name} ({groups}) admit no TCP 443 from subnet {subnet.Name} ({subnet.CidrBlock}) or from the task security groups ({TaskGroups(placement)})",
                endpoint.Resource,
                endpoint);
        }

        if (admitted is null)
        {
            return NetworkPath.Unknown($"whether the security groups of endpoint {endpoint.Name} admit TCP 443 from the tasks is not known yet");
        }

        var crossAz = subnet.AvailabilityZone.IsKnown && !endpoint.SubnetsUnknown
            && endpoint.Subnets.All(s => s.AvailabilityZone.IsKnown)
            && !endpoint.Subnets.Any(s => s.AvailabilityZone.Value == subnet.AvailabilityZone.Value);
        var detail = crossAz
            ? $"endpoint {endpoint.Name} has no network interface in {subnet.AvailabilityZone.Shown}: traffic crosses AZs"
            : $"endpoint {endpoint.Name} (private DNS)";
        return new NetworkPath(PathKind.InterfaceEndpoint, endpoint.Resource, detail, Endpoint: endpoint, CrossAz: crossAz);
    }

    /// <summary>
    /// A path exists only if a task security group lets TCP 443 out toward it: to the endpoint's subnets or security
    /// groups, or to public addresses (<c>0.0.0.0/0</c>) for NAT, internet gateway and S3 gateway paths. Egress to a
    /// prefix list (the S3 one, typically) or to specific public blocks cannot be judged and is taken as open.
    /// </summary>
    private static NetworkPath WithTaskEgress(TaskPlacement placement, NetworkPath path)
    {
        if (!path.Reaches || placement.SecurityGroupsUnknown)
        {
            return path;
        }

        bool? allowed = false;
        foreach (var group in placement.SecurityGroups)
        {
            var verdict = path.Kind == PathKind.InterfaceEndpoint ? OutToEndpoint(group, path.Endpoint!) : OutToPublic(group);
            if (verdict == true)
            {
                return path;
            }

            if (verdict is null)
            {
                allowed = null;
            }
        }

        if (allowed is null)
        {
            return path;
        }

        var target = path.Kind == PathKind.InterfaceEndpoint ? $"endpoint {path.Endpoint!.Name}" : "0.0.0.0/0 (public addresses)";
        return NetworkPath.NoPath(
            NoPathReason.TaskEgressClosed,
            $"the task security groups ({TaskGroups(placement)}) let no TCP 443 out to {target}; the provider removes AWS's default allow-all egress rule, so a group needs an explicit egress rule",
            placement.SecurityGroups[0].Resource,
            path.Endpoint,
            path.Nat);
    }

    private static bool? OutToEndpoint(SecurityGroup group, VpcEndpoint endpoint)
    {
        bool? result = false;
        var peers = endpoint.Subnets.Select(s => s.CidrBlock).ToList();
        if (peers.Count == 0 || endpoint.SubnetsUnknown)
        {
            peers.Add(Fact<Cidr>.Unknown);
        }

        foreach (var peer in peers)
        {
            var verdict = group.AllowsOut(443, peer, endpoint.SecurityGroups, endpoint.SecurityGroupsUnknown);
            if (verdict == true)
            {
                return true;
            }

            if (verdict is null)
            {
                result = null;
            }
        }

        return result;
    }

    private static readonly Cidr[] PrivateBlocks = [Cidr.Parse("10.0.0.0/8"), Cidr.Parse("172.16.0.0/12"), Cidr.Parse("192.168.0.0/16"), Cidr.Parse("100.64.0.0/10")];

    private static bool? OutToPublic(SecurityGroup group)
    {
        var verdict = group.AllowsOut(443, Fact<Cidr>.Of(Cidr.Any), [], false);
        if (verdict == false && group.Egress.Any(r => r.Cidrs.Any(c => c.IsKnown && !PrivateBlocks.Any(p => p.Contains(c.Value)))))
        {
            return null; // egress to specific public blocks: may cover the service's addresses
        }

        return verdict;
    }

    private static bool? AdmitsHttps(VpcEndpoint endpoint, TaskPlacement placement, Subnet subnet)
    {
        var unknown = endpoint.SecurityGroupsUnknown;
        foreach (var group in endpoint.SecurityGroups)
        {
            var verdict = group.Admits(443, subnet.CidrBlock, placement.SecurityGroups, placement.SecurityGroupsUnknown);
            if (verdict == true)
            {
                return true;
            }

            unknown |= verdict is null;
        }

        return unknown ? null : false;
    }

    private static string TaskGroups(TaskPlacement placement) =>
        placement.SecurityGroups.Count == 0 ? "none" : string.Join(", ", placement.SecurityGroups.Select(g => g.Name));

    private NetworkPath ToS3(TaskPlacement placement, Subnet subnet)
    {
        var table = model.RouteTableOf(subnet, out var unknownReason);
        if (table is null)
        {
            return NetworkPath.Unknown(unknownReason!);
        }

        if (table.GatewayEndpoints.FirstOrDefault(e => e.Service == Destination.S3) is { } gateway)
        {
            // https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-s3.html : the prefix-list route is more specific than 0.0.0.0/0.
            return new NetworkPath(PathKind.GatewayEndpoint, gateway.Resource, $"gateway endpoint {gateway.Name} on route table {table.Name}", Endpoint: gateway);
        }

        var routes = ThroughRoutes(placement, subnet, Cidr.Any);
        if (routes.Reaches)
        {
            return routes;
        }

        if (table.MayHaveUnknownGatewayEndpoints || MayHaveUnresolvedEndpoint(Destination.S3))
        {
            return NetworkPath.Unknown($"an S3 gateway endpoint may be on route table {table.Name} but its route tables are not known yet");
        }

        if (subnet.Vpc is { } vpc && vpcsWithS3Gateway.Contains(vpc))
        {
            return NetworkPath.NoPath(NoPathReason.S3EndpointNotOnRouteTable, $"the S3 gateway endpoint of VPC {vpc.Resource.Name} is not on route table {table.Name}, and {routes.Detail}", table.Resource);
        }

        return routes.IsNone ? routes with { Detail = $"no S3 gateway endpoint on route table {table.Name}, and {routes.Detail}" } : routes;
    }

    /// <summary>The path for a destination block through the subnet's route table (longest-prefix match).</summary>
    public NetworkPath ThroughRoutes(TaskPlacement placement, Subnet subnet, Cidr destination)
    {
        var table = model.RouteTableOf(subnet, out var unknownReason);
        if (table is null)
        {
            return NetworkPath.Unknown(unknownReason!);
        }

        var route = table.Lookup(destination, out var unknown);
        if (unknown && (route is null || route.Destination.Value.PrefixLength < 32))
        {
            return NetworkPath.Unknown($"route table {table.Name} has routes that are not known yet");
        }

        if (route is null || route.Target == RouteTargetKind.Local)
        {
            return NetworkPath.NoPath(NoPathReason.NoRoute, $"route table {table.Name} has no route to {destination}", table.Resource);
        }

        switch (route.Target)
        {
            case RouteTargetKind.InternetGateway:
                if (placement.LaunchType != LaunchType.Fargate)
                {
                    // EC2-hosted awsvpc tasks never get a public IP; image pulls use the instance's network, not modelled.
                    return NetworkPath.Unknown($"route to {route.TargetDescription}: for the {placement.LaunchType} launch type the path depends on the container instance");
                }

                if (placement.AssignPublicIp.Is(on => on))
                {
                    return new NetworkPath(PathKind.InternetGateway, route.InternetGateway?.Resource, $"{route.TargetDescription} with the task's public IP");
                }

                return placement.AssignPublicIp.IsUnknown
                    ? NetworkPath.Unknown("assignPublicIp is not known yet")
                    : NetworkPath.NoPath(NoPathReason.PublicIpMissing, $"route table {table.Name} sends {route.Destination.Shown} to {route.TargetDescription} but the tasks have no public IP (assignPublicIp {(placement.AssignPublicIp.IsSecret ? "[secret]" : "false")})", route.InternetGateway?.Resource);
            case RouteTargetKind.NatGateway:
                return ThroughNat(route.NatGateway!, subnet, destination, table);
            case RouteTargetKind.Other:
                return NetworkPath.Unknown($"route table {table.Name} sends {route.Destination.Shown} to {route.TargetDescription}, which the model does not follow");
            default:
                return NetworkPath.Unknown($"the target of the route to {route.Destination.Shown} in {table.Name} is not known yet");
        }
    }

    private NetworkPath ThroughNat(NatGateway nat, Subnet from, Cidr destination, RouteTable table)
    {
        if (nat.IsPrivate)
        {
            return NetworkPath.NoPath(NoPathReason.PrivateNat, $"route table {table.Name} sends {destination} to NAT gateway {nat.Name}, which is private (connectivityType private) and has no internet path", nat.Resource, nat: nat);
        }

        if (nat.ConnectivityType.IsUnknown)
        {
            return NetworkPath.Unknown($"the connectivity type of NAT gateway {nat.Name} is not known yet");
        }

        if (nat.Subnet == from)
        {
            // https://docs.aws.amazon.com/vpc/latest/userguide/route-table-options.html (middlebox routing): the appliance must sit in another subnet.
            return NetworkPath.NoPath(NoPathReason.NatInOwnSubnet, $"route table {table.Name} sends {destination} to NAT gateway {nat.Name}, which sits in the same subnet {from.Name}: the traffic never leaves", nat.Resource, nat: nat);
        }

        var eip = nat.PublicIp.IsKnown ? $", Elastic IP {nat.PublicIp.Shown}" : nat.AllocationId.Target is { } e ? $", Elastic IP {e.Name}" : string.Empty;
        if (nat.IsRegional)
        {
            return new NetworkPath(PathKind.NatGateway, nat.Resource, $"regional NAT gateway {nat.Name}{eip}", Nat: nat);
        }

        if (nat.Subnet is not { } natSubnet)
        {
            return NetworkPath.Unknown($"the subnet of NAT gateway {nat.Name} is not known");
        }

        var natTable = model.RouteTableOf(natSubnet, out var unknownReason);
        if (natTable is null)
        {
            return NetworkPath.Unknown(unknownReason!);
        }

        var upstream = natTable.Lookup(destination, out var unknown);
        if (unknown && (upstream is null || upstream.Destination.Value.PrefixLength < 32))
        {
            return NetworkPath.Unknown($"route table {natTable.Name} of NAT gateway {nat.Name} has routes that are not known yet");
        }

        var az = natSubnet.AvailabilityZone.IsKnown ? $" in {natSubnet.AvailabilityZone.Shown}" : string.Empty;
        return upstream?.Target switch
        {
            RouteTargetKind.InternetGateway => new NetworkPath(PathKind.NatGateway, nat.Resource, $"NAT gateway {nat.Name}{az}{eip}", Nat: nat),
            RouteTargetKind.Unknown or RouteTargetKind.Other => NetworkPath.Unknown($"the route of NAT gateway {nat.Name}'s subnet to {destination} is not known"),
            _ => NetworkPath.NoPath(
                NoPathReason.NatSubnetWithoutInternetRoute,
                $"NAT gateway {nat.Name} sits in subnet {natSubnet.Name}, whose route table {natTable.Name} has no route to {destination} through an internet gateway",
                nat.Resource,
                nat: nat),
        };
    }
}
