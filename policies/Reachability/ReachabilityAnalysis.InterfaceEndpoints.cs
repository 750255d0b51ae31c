using FargateNetwork.Policies.Model;

namespace FargateNetwork.Policies.Reachability;

/// <summary>The path to an AWS service through its interface endpoint (private DNS, security groups, network interfaces).</summary>
public sealed partial class ReachabilityAnalysis
{
    private NetworkPath ToInterfaceService(TaskPlacement placement, Subnet subnet, string service)
    {
        var vpc = subnet.Vpc;
        if (vpc is not null && vpc.EnableDnsSupport.Is(on => !on))
        {
            // https://docs.aws.amazon.com/AmazonECS/latest/userguide/stopped-task-error-codes.html : a VPC without DNS resolution.
            return NetworkPath.NoPath(NoPathReason.VpcDnsOff, $"VPC {vpc.Resource.Name} has enableDnsSupport false: no name resolves", vpc.Resource);
        }

        var candidates = InterfaceEndpoints(subnet, service);
        if (candidates.Count == 0 && vpc is null)
        {
            // A VPC outside the stack may hold endpoints the stack does not show.
            var outside = ThroughRoutes(placement, subnet, Ipv4Cidr.Any);
            return outside.Reaches ? outside : NetworkPath.Unknown($"the VPC of {subnet.Name} ({subnet.VpcKey}) is outside the stack, so its endpoints are unknown");
        }

        if (candidates.Count == 0)
        {
            var routes = ThroughRoutes(placement, subnet, Ipv4Cidr.Any);
            if (routes.IsNone && MayHaveUnresolvedEndpoint(service))
            {
                return NetworkPath.Unknown($"an endpoint for {service} may exist but its VPC or type is not known yet");
            }

            if (!routes.IsNone)
            {
                return routes;
            }

            var key = PathCacheKey.Of(service, vpc!, routes);
            if (!noEndpointPaths.TryGetValue(key, out var noEndpoint))
            {
                noEndpoint = Share(
                    noEndpointPaths,
                    key,
                    routes with { Detail = $"no {service} interface endpoint in VPC {vpc!.Resource.Name}, and {routes.Detail}" },
                    model.Vpcs.Count);
            }

            return noEndpoint;
        }

        // Only one endpoint per service can hold the private DNS zone; prefer it.
        var endpoint = candidates.FirstOrDefault(e => e.PrivateDnsEnabled.Is(on => on)) ?? candidates[0];
        var privateDns = endpoint.PrivateDnsEnabled;

        // A VPC outside the stack: AWS creates an endpoint with private DNS only in a VPC with DNS hostnames and DNS
        // support on, so an endpoint of the stack with private DNS on vouches for them.
        // https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html (DNS attributes)
        var hostnames = vpc?.EnableDnsHostnames ?? privateDns;
        if (!privateDns.Is(on => on) || !hostnames.Is(on => on))
        {
            // Without private DNS the service's default name resolves to public addresses: the routes decide.
            var routes = ThroughRoutes(placement, subnet, Ipv4Cidr.Any);
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
                : $"VPC {vpc!.Resource.Name} has enableDnsHostnames false, so endpoint {endpoint.Name}'s private DNS does not apply, and {routes.Detail}";
            return NetworkPath.NoPath(NoPathReason.PrivateDnsOff, why, endpoint.Resource, endpoint);
        }

        if (endpoint.Subnets.Count == 0 && !endpoint.SubnetsUnknown)
        {
            return NetworkPath.NoPath(NoPathReason.EndpointWithoutSubnets, $"endpoint {endpoint.Name} has no subnet, hence no network interface", endpoint.Resource, endpoint);
        }

        // The security groups decide wherever the endpoint's network interfaces are (subnets outside the stack too).
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

        if (CrossesAz(endpoint, subnet))
        {
            return new NetworkPath(
                PathKind.InterfaceEndpoint,
                endpoint.Resource,
                $"endpoint {endpoint.Name} has no network interface in {subnet.AvailabilityZone.Shown}: traffic crosses AZs",
                Endpoint: endpoint,
                CrossAz: true);
        }

        if (!privateDnsPaths.TryGetValue(endpoint, out var path))
        {
            path = Share(
                privateDnsPaths,
                endpoint,
                NetworkPath.ThroughEndpoint(endpoint),
                model.Endpoints.Count);
        }

        return path;
    }

    /// <summary>True when every network interface of the endpoint is known and none is in the subnet's AZ.</summary>
    private static bool CrossesAz(VpcEndpoint endpoint, Subnet subnet)
    {
        if (!subnet.AvailabilityZone.IsKnown || endpoint.SubnetsUnknown)
        {
            return false;
        }

        foreach (var s in endpoint.Subnets)
        {
            if (!s.AvailabilityZone.IsKnown || s.AvailabilityZone.Value == subnet.AvailabilityZone.Value)
            {
                return false;
            }
        }

        return true;
    }
}
