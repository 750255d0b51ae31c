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
    private readonly Dictionary<string, Vpc> vpcByDefaultTableId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PrefixListPeers> prefixListKinds = new(StringComparer.Ordinal);
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
        AddAssociations();
        AddRoutes();
        AddPrefixLists();
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

    /// <summary>
    /// The one list resolver (security groups, subnets...): the items found in <paramref name="index"/>, and whether
    /// some item is unknown or outside the stack. A list that is itself unknown gives no items and unknown.
    /// </summary>
    private (List<T> Items, bool Unknown) ResolveAll<T>(Dictionary<StackResource, T> index, PropertyValue? value)
        where T : class
    {
        var refs = graph.ResolveList(value);
        if (refs is null)
        {
            return ([], true);
        }

        var found = new List<T>();
        var unknown = false;
        foreach (var reference in refs)
        {
            if (Lookup(index, reference) is { } item)
            {
                found.Add(item);
            }
            else
            {
                unknown |= reference.Kind != RefKind.Absent;
            }
        }

        return (found, unknown);
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
        return items is null ? [Fact<Ipv4Cidr>.Unknown] : items.Select(i => ParseCidr(AsString(i))).ToList();
    }

    private static Fact<Ipv4Cidr> ParseCidr(Fact<string> text) =>
        (text.IsKnown
            ? Ipv4Cidr.TryParse(text.Value, out var cidr) ? Fact<Ipv4Cidr>.Of(cidr) : Fact<Ipv4Cidr>.Absent // IPv6 or malformed: not an IPv4 block
            : text.IsUnknown ? Fact<Ipv4Cidr>.Unknown : Fact<Ipv4Cidr>.Absent).Secret(text.IsSecret);
}
