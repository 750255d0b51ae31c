using static StackRules.ResourceProperties;

namespace FargateNetwork.Policies.Model;

/// <summary>
/// Builds the <see cref="NetworkModel"/> from the resource graph: one reader per resource family (the partial files
/// next to this one), run in the order below, each resolving references through the shared lookups here.
/// </summary>
internal sealed partial class NetworkModelBuilder
{
    private readonly ResourceGraph graph;
    private readonly NetworkModel model;
    private readonly Dictionary<StackResource, Vpc> vpcs = new(ResourceIdentity.Instance);
    private readonly Dictionary<StackResource, Subnet> subnets = new(ResourceIdentity.Instance);
    private readonly Dictionary<StackResource, RouteTable> routeTables = new(ResourceIdentity.Instance);
    private readonly Dictionary<StackResource, InternetGateway> internetGateways = new(ResourceIdentity.Instance);
    private readonly Dictionary<StackResource, NatGateway> natGateways = new(ResourceIdentity.Instance);
    private readonly Dictionary<StackResource, VpcEndpoint> endpoints = new(ResourceIdentity.Instance);
    private readonly Dictionary<StackResource, SecurityGroup> securityGroups = new(ResourceIdentity.Instance);
    private readonly Dictionary<StackResource, TaskDefinition> taskDefinitions = new(ResourceIdentity.Instance);
    private readonly Dictionary<StackResource, LoadBalancer> loadBalancers = new(ResourceIdentity.Instance);
    private readonly Dictionary<StackResource, TargetGroup> targetGroups = new(ResourceIdentity.Instance);
    private readonly Dictionary<StackResource, EndpointService> endpointServices = new(ResourceIdentity.Instance);
    private readonly Dictionary<string, int> regionVotes = new(StringComparer.Ordinal);
    private readonly HashSet<Vpc?> markedForUnknownGatewayEndpoints = [];
    private readonly Dictionary<string, Vpc> vpcByDefaultTableId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PrefixListPeers> prefixListKinds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EndpointServiceName?> parsedServiceNames = new(StringComparer.Ordinal);
    private Dictionary<string, TaskDefinition>? taskDefinitionsByFamily;
    private Dictionary<string, List<ContainerDefinition>?>? containerJson;
    private Dictionary<string, List<ContainerDefinition>?>? secretContainerJson;
    private bool allTablesHaveUnknownRoutes;
    private bool allRulesUnknown;
    private bool allPrincipalsUnknown;

    private NetworkModelBuilder(ResourceGraph graph)
    {
        this.graph = graph;
        model = new NetworkModel(graph);

        // The indexes and lists of the numerous kinds sized once, not grown to the stack.
        Size(vpcs, model.Vpcs, graph.OfType(AwsTypes.Vpc).Count);
        Size(subnets, model.Subnets, graph.OfType(AwsTypes.Subnet).Count);
        Size(securityGroups, model.SecurityGroups, graph.OfType(AwsTypes.SecurityGroup).Count);
        Size(endpoints, model.Endpoints, graph.OfType(AwsTypes.VpcEndpoint).Count);
        Size(taskDefinitions, model.TaskDefinitions, graph.OfType(AwsTypes.TaskDefinition).Count);
        var tables = graph.OfType(AwsTypes.RouteTable).Count + graph.OfType(AwsTypes.DefaultRouteTable).Count;
        Size(routeTables, model.RouteTables, tables + graph.OfType(AwsTypes.Vpc).Count);
        model.Placements.Capacity = graph.OfType(AwsTypes.EcsService).Count;
    }

    private static void Size<T>(Dictionary<StackResource, T> index, List<T> list, int count)
    {
        index.EnsureCapacity(count);
        list.Capacity = count;
    }

    /// <summary>The model of <paramref name="graph"/>; the side steps run apart from <paramref name="sideStepsApartFrom"/> resources (tests set it).</summary>
    public static NetworkModel Build(ResourceGraph graph, int sideStepsApartFrom = SideStepsApartFrom)
    {
        var builder = new NetworkModelBuilder(graph);
        builder.Run(sideStepsApartFrom);
        return builder.model;
    }

    /// <summary>
    /// From this many resources the side steps (<see cref="SideSteps"/>) run on another processor while the network
    /// steps run; below it a thread pool hand-off (tens of microseconds) would be a large part of what they save.
    /// Measured on the 2-core benchmark machine (model phase, best of five, six interleaved processes): 1,000
    /// resources 0.75–0.90 → 0.54–0.62 ms, 10,000 resources 8.0–13.5 → 7.4–9.3 ms.
    /// </summary>
    internal const int SideStepsApartFrom = 500;

    private void Run(int sideStepsApartFrom)
    {
        // The side steps read only their own resource types and write only their own indexes, lists and votes, so
        // they may run while the network steps do; what comes after them reads both.
        // The prefix lists (each VPC endpoint's prefixListId: a first read of every endpoint) likewise go first on the
        // other processor; the security groups wait for them.
        var sideVotes = new Dictionary<string, int>(StringComparer.Ordinal);
        var prefixLists = graph.Resources.Count >= sideStepsApartFrom ? Task.Run(AddPrefixLists) : null;
        var side = prefixLists?.ContinueWith(_ => SideSteps(sideVotes), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        AddVpcs();
        AddSubnets();
        AddInternetGateways();
        AddNatGateways();
        AddRouteTables();
        AddAssociations();
        AddRoutes();
        if (prefixLists is null)
        {
            AddPrefixLists();
        }
        else
        {
            prefixLists.GetAwaiter().GetResult(); // rethrows its own exception where a serial run meets it
        }

        AddSecurityGroups();
        AddEndpoints();
        if (side is null)
        {
            SideSteps(sideVotes);
        }
        else
        {
            side.GetAwaiter().GetResult(); // rethrows the side steps' own exception, as a serial run would
        }

        AddLoadBalancing();
        AddPlacements();
        AddEndpointServices();
        foreach (var (region, votes) in sideVotes)
        {
            regionVotes[region] = regionVotes.GetValueOrDefault(region) + votes;
        }

        VoteSubnetRegions();
        model.Region = regionVotes.Count == 0 ? null : regionVotes.OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal).First().Key;
    }

    /// <summary>
    /// The task definitions (their container definitions parsed), the log groups, and the Region votes of every
    /// resource's <c>region</c> input (into <paramref name="votes"/>, not the builder's: the endpoints vote meanwhile).
    /// </summary>
    private void SideSteps(Dictionary<string, int> votes)
    {
        AddTaskDefinitions();
        AddLogGroups();
        VoteResourceRegions(votes);
    }

    private static T? Lookup<T>(Dictionary<StackResource, T> index, ResourceRef reference)
        where T : class =>
        reference.Target is { } target && index.TryGetValue(target, out var found) ? found : null;

    /// <summary>
    /// The one list resolver (security groups, subnets...): the items found in <paramref name="index"/>, and whether
    /// some item is unknown or outside the stack. A list that is itself unknown gives no items and unknown.
    /// </summary>
    private (IReadOnlyList<T> Items, bool Unknown) ResolveAll<T>(Dictionary<StackResource, T> index, PropertyValue? value)
        where T : class
    {
        List<T>? found = null;
        var unknown = ResolveInto(index, value, ref found);
        return (found ?? (IReadOnlyList<T>)[], unknown);
    }

    /// <summary><see cref="ResolveAll{T}"/> into a list of the model (created when the first item is found).</summary>
    private bool ResolveInto<T>(Dictionary<StackResource, T> index, PropertyValue? value, ref List<T>? into)
        where T : class
    {
        var items = AsList(value);
        if (items is null)
        {
            return true;
        }

        var unknown = false;
        into?.EnsureCapacity(into.Count + items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var reference = graph.Resolve(items[i]);
            if (Lookup(index, reference) is { } item)
            {
                (into ??= new List<T>(items.Count)).Add(item);
            }
            else
            {
                unknown |= reference.Kind != RefKind.Absent;
            }
        }

        return unknown;
    }

    /// <summary><see cref="ResolveAll{T}"/> added to <paramref name="into"/>; true when some item is unknown.</summary>
    private bool ResolveInto<T>(Dictionary<StackResource, T> index, PropertyValue? value, List<T> into)
        where T : class
    {
        List<T>? list = into;
        return ResolveInto(index, value, ref list);
    }

    /// <summary>The VPC a <c>vpcId</c> names, in any form.</summary>
    private VpcKey VpcKeyOf(ResourceRef reference) => reference switch
    {
        { Kind: RefKind.Absent } => VpcKey.None,
        { Target: { } target } when vpcs.TryGetValue(target, out var vpc) => VpcKey.Of(vpc),
        { ExternalId: { } id } => VpcKey.Outside(id),
        _ => VpcKey.NotKnown,
    };

    private static List<Fact<Ipv4Cidr>> Cidrs(PropertyValue? value)
    {
        var items = AsList(value);
        if (items is null)
        {
            return [Fact<Ipv4Cidr>.Unknown];
        }

        var cidrs = new List<Fact<Ipv4Cidr>>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            cidrs.Add(ParseCidr(AsString(items[i])));
        }

        return cidrs;
    }

    private static Fact<Ipv4Cidr> ParseCidr(Fact<string> text) =>
        (text.IsKnown
            ? Ipv4Cidr.TryParse(text.Value, out var cidr) ? Fact<Ipv4Cidr>.Of(cidr) : Fact<Ipv4Cidr>.Absent // IPv6 or malformed: not an IPv4 block
            : text.IsUnknown ? Fact<Ipv4Cidr>.Unknown : Fact<Ipv4Cidr>.Absent).Secret(text.IsSecret);
}
