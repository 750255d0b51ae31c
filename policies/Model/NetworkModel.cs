
namespace FargateNetwork.Policies.Model;

/// <summary>
/// The typed network of a stack: VPCs, subnets, route tables, gateways, endpoints, security groups, where tasks run,
/// load balancers and endpoint services. Built once per evaluation by <see cref="NetworkModelBuilder"/> in time linear
/// in the number of resources; every relation is an object reference.
/// </summary>
public sealed class NetworkModel
{
    private readonly Dictionary<string, string> serviceNames = new(StringComparer.Ordinal);
    private string? region;

    internal NetworkModel(ResourceGraph graph) => Graph = graph;

    public ResourceGraph Graph { get; }

    public List<Vpc> Vpcs { get; } = [];

    public List<Subnet> Subnets { get; } = [];

    public List<RouteTable> RouteTables { get; } = [];

    public List<InternetGateway> InternetGateways { get; } = [];

    public List<NatGateway> NatGateways { get; } = [];

    public List<VpcEndpoint> Endpoints { get; } = [];

    public List<SecurityGroup> SecurityGroups { get; } = [];

    public List<TaskDefinition> TaskDefinitions { get; } = [];

    public List<TaskPlacement> Placements { get; } = [];

    public List<LoadBalancer> LoadBalancers { get; } = [];

    public List<TargetGroup> TargetGroups { get; } = [];

    public List<EndpointService> EndpointServices { get; } = [];

    public List<LogGroup> LogGroups { get; } = [];

    /// <summary>True when a route-table association names a subnet the model cannot resolve.</summary>
    public bool HasUnresolvedSubnetAssociations { get; internal set; }

    /// <summary>
    /// The stack's Region when it can be told: from the <c>region</c> inputs, endpoint service names, or AZ names
    /// (the most frequent wins). Null when nothing says it.
    /// </summary>
    public string? Region
    {
        get => region;
        internal set
        {
            region = value;
            serviceNames.Clear();
        }
    }

    public static NetworkModel Build(IReadOnlyList<StackResource> resources) => NetworkModelBuilder.Build(new ResourceGraph(resources));

    /// <summary>The model of an evaluation's resources, found by URN and by type through the evaluation's own indexes.</summary>
    internal static NetworkModel Build(ExtensionContext context) => NetworkModelBuilder.Build(new ResourceGraph(context.Resources, context.Find, context.Find, context.OfType));

    /// <summary>
    /// The route table that governs a subnet: its explicit association, else its VPC's main table. A VPC created in
    /// the stack whose main table is not replaced keeps the table AWS created with it (<see cref="Vpc.DefaultTable"/>):
    /// the local route plus the routes the stack adds to it, by reference or by id. Returns null with a reason when
    /// it cannot be known (a subnet outside the stack, a VPC outside the stack).
    /// </summary>
    public RouteTable? RouteTableOf(Subnet subnet, out string? unknownReason)
    {
        unknownReason = null;
        if (subnet.AssociatedRouteTable is { } table)
        {
            return table;
        }

        if (subnet.IsOutside)
        {
            unknownReason = $"{subnet.Name} are outside the stack, so their route tables are unknown";
            return null;
        }

        if (subnet.AssociationUnknown || HasUnresolvedSubnetAssociations)
        {
            unknownReason = $"the route table associated with subnet {subnet.Name} is not known yet";
            return null;
        }

        if (subnet.Vpc is not { } vpc)
        {
            unknownReason = $"the VPC of subnet {subnet.Name} is outside the stack, so its main route table is unknown";
            return null;
        }

        if (vpc.MainRouteTableUnknown)
        {
            unknownReason = $"the main route table of VPC {vpc.Resource.Name} is not known yet";
            return null;
        }

        return vpc.MainRouteTable ?? vpc.DefaultTable;
    }

    /// <summary>The full service name for a message, such as <c>com.amazonaws.ap-northeast-1.ecr.api</c>.</summary>
    public string ServiceName(string service)
    {
        // Messages name the same few services over and over: each name is made once.
        if (!serviceNames.TryGetValue(service, out var name))
        {
            serviceNames[service] = name = EndpointServiceName.Full(Region, service);
        }

        return name;
    }
}
