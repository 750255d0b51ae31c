using FargateNetwork.Policies.Model;

namespace FargateNetwork.Policies.Reachability;

/// <summary>Paths through the route table: S3 (gateway endpoint or routes), the internet, NAT gateways.</summary>
public sealed partial class ReachabilityAnalysis
{
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
            if (!gatewayPaths.TryGetValue((gateway, table), out var viaGateway))
            {
                viaGateway = Share(
                    gatewayPaths,
                    (gateway, table),
                    NetworkPath.ThroughGateway(gateway, table),
                    model.RouteTables.Count);
            }

            return viaGateway;
        }

        var routes = ThroughRoutes(placement, subnet, Ipv4Cidr.Any);
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
    public NetworkPath ThroughRoutes(TaskPlacement placement, Subnet subnet, Ipv4Cidr destination)
    {
        // Every service without an endpoint of its own asks for the route to 0.0.0.0/0 again: found once.
        var key = PathCacheKey.Of(placement, subnet, destination);
        if (!routeCache.TryGetValue(key, out var path))
        {
            routeCache[key] = path = Routes(placement, subnet, destination);
        }

        return path;
    }

    private NetworkPath Routes(TaskPlacement placement, Subnet subnet, Ipv4Cidr destination)
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
            if (!noRoutePaths.TryGetValue((table, destination), out var noRoute))
            {
                noRoute = Share(
                    noRoutePaths,
                    (table, destination),
                    NetworkPath.NoPath(NoPathReason.NoRoute, $"route table {table.Name} has no route to {destination}", table.Resource),
                    model.RouteTables.Count);
            }

            return noRoute;
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

    private NetworkPath ThroughNat(NatGateway nat, Subnet from, Ipv4Cidr destination, RouteTable table)
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

    /// <summary>
    /// A service in another Region than the VPC's: interface endpoints and the S3 gateway serve only their own Region
    /// ("VPC endpoints currently don't support cross-Region requests"), so only an internet path (NAT gateway or
    /// internet gateway) reaches it. https://docs.aws.amazon.com/AmazonECS/latest/developerguide/vpc-endpoints.html
    /// </summary>
    private NetworkPath ToOtherRegion(TaskPlacement placement, Subnet subnet, string service, string region)
    {
        var routes = ThroughRoutes(placement, subnet, Ipv4Cidr.Any);
        var what = $"{EndpointServiceName.Full(region, service)} is in another Region than the VPC, which VPC endpoints do not serve";
        return routes.Kind switch
        {
            PathKind.None => routes with { Detail = $"{what}, and {routes.Detail}" },
            PathKind.Unknown => routes,
            _ => routes with { Detail = $"{routes.Detail} ({what})" },
        };
    }
}
