using System.Runtime.InteropServices;
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
/// <c>0.0.0.0/0</c>), else the routes. An S3 <i>interface</i> endpoint does not serve ECR layers: ECR documents the
/// S3 gateway endpoint for them (https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html).</item>
/// <item>The internet, AWS public endpoints and fixed-egress CIDRs: longest-prefix match in the subnet's route table;
/// an internet gateway needs a public IP on the task ENI; a NAT gateway must be public, in another subnet, and its
/// subnet must route to an internet gateway.</item>
/// </list>
/// </summary>
public sealed partial class ReachabilityAnalysis
{
    private readonly NetworkModel model;
    // Per (VPC, service): its one endpoint (an array of one, as nearly every key has) or a list of several.
    private readonly Dictionary<(VpcKey, string), IReadOnlyList<VpcEndpoint>> interfaceEndpoints;
    private readonly HashSet<string> servicesWithUnresolvedEndpoints = new(StringComparer.Ordinal);
    private readonly HashSet<Vpc> vpcsWithS3Gateway = [];
    private readonly PlacementPaths paths;

    // The paths of placements and subnets that PlacementPaths does not hold (made outside the model's builder).
    private readonly Dictionary<PathCacheKey.DestinationKey, NetworkPath> cache = [];
    private readonly Dictionary<PathCacheKey.BlockKey, NetworkPath> routeCache = [];

    // Paths whose every word comes from a table, an endpoint or a VPC, made once and shared by every subnet and
    // placement they serve (the paths are immutable).
    private readonly Dictionary<(RouteTable, Ipv4Cidr), NetworkPath> noRoutePaths = [];
    private readonly Dictionary<VpcEndpoint, NetworkPath> privateDnsPaths = [];
    private readonly Dictionary<(VpcEndpoint, RouteTable), NetworkPath> gatewayPaths = [];
    private readonly Dictionary<PathCacheKey.NoEndpointKey, NetworkPath> noEndpointPaths = [];

    public ReachabilityAnalysis(NetworkModel model)
    {
        this.model = model;
        paths = new PlacementPaths(model.Placements);
        interfaceEndpoints = new(model.Endpoints.Count); // at most a key per endpoint: made at its size, not grown

        // Sized for the routes the rules ask for (the internet from each task subnet), not grown to them.
        var taskSubnets = 0;
        foreach (var placement in model.Placements)
        {
            taskSubnets += placement.Subnets.Count;
        }

        routeCache.EnsureCapacity(taskSubnets);
        foreach (var endpoint in model.Endpoints)
        {
            // An endpoint in a VPC not known yet is indexed under that key (a stand-in subnet whose VPC is not known
            // yet matches it) and still counts as unresolved for the subnets of known VPCs.
            if (endpoint.Service is { } known && !endpoint.VpcKey.Known && endpoint.VpcKey != VpcKey.None && endpoint.IsInterface)
            {
                Index(endpoint.VpcKey, known, endpoint);
            }

            if (!endpoint.VpcKey.Known || endpoint.Service is null || endpoint.EndpointType.IsUnknown)
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
                Index(endpoint.VpcKey, endpoint.Service, endpoint);
            }
            else if (endpoint.IsGateway && endpoint.Service == Destination.S3 && endpoint.Vpc is { } vpc)
            {
                vpcsWithS3Gateway.Add(vpc);
            }
        }
    }

    private void Index(VpcKey vpc, string service, VpcEndpoint endpoint)
    {
        ref var endpoints = ref CollectionsMarshal.GetValueRefOrAddDefault(interfaceEndpoints, (vpc, service), out _);
        switch (endpoints)
        {
            case null:
                endpoints = new[] { endpoint };
                break;
            case List<VpcEndpoint> several:
                several.Add(endpoint);
                break;
            default:
                endpoints = new List<VpcEndpoint>(endpoints) { endpoint };
                break;
        }
    }

    public NetworkModel Model => model;

    /// <summary>Adds a shared path, sizing the index for <paramref name="expected"/> paths at the first (none made for a stack that needs none).</summary>
    private static NetworkPath Share<TKey>(Dictionary<TKey, NetworkPath> paths, TKey key, NetworkPath path, int expected)
        where TKey : notnull
    {
        if (paths.Count == 0)
        {
            paths.EnsureCapacity(expected);
        }

        paths[key] = path;
        return path;
    }

    /// <summary>The path from <paramref name="subnet"/> for the tasks of <paramref name="placement"/>.</summary>
    public NetworkPath Find(TaskPlacement placement, Subnet subnet, Destination destination)
    {
        var placed = paths.Of(placement, subnet);
        var key = PathCacheKey.Of(placement, subnet, destination);
        if (placed?.Find(destination) is not { } path && (placed is not null || !cache.TryGetValue(key, out path)))
        {
            path = destination switch
            {
                { Service: null } => ThroughRoutes(placement, subnet, destination.Block),
                { Region: { } region } => ToOtherRegion(placement, subnet, destination.Service, region),
                { Service: Destination.S3 } => ToS3(placement, subnet),
                { Service: { } service } => ToInterfaceService(placement, subnet, service),
            };
            if (destination.IsService || destination == Destination.Internet)
            {
                path = WithTaskEgress(placement, path);
                if (path.Kind == PathKind.Unknown)
                {
                    path = ClosedWhateverTheRoute(placement, subnet, destination) ?? path;
                }
            }

            if (placed is null)
            {
                cache[key] = path;
            }
            else
            {
                placed.Add(destination, path);
            }
        }

        return path;
    }

    /// <summary>The interface endpoints of a service in a VPC (in any form: of the stack, outside id, not known yet).</summary>
    public IReadOnlyList<VpcEndpoint> InterfaceEndpoints(VpcKey vpc, string service) =>
        interfaceEndpoints.TryGetValue((vpc, service), out var list) ? list : [];

    /// <summary>The interface endpoints of a service in the VPC of a subnet.</summary>
    public IReadOnlyList<VpcEndpoint> InterfaceEndpoints(Subnet subnet, string service) => InterfaceEndpoints(subnet.VpcKey, service);

    private bool MayHaveUnresolvedEndpoint(string service) =>
        servicesWithUnresolvedEndpoints.Contains(service) || servicesWithUnresolvedEndpoints.Contains("*");
}
