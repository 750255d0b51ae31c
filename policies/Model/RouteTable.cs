
namespace FargateNetwork.Policies.Model;

/// <summary>
/// An <c>aws:ec2/routeTable:RouteTable</c> (or <c>DefaultRouteTable</c>), with its inline routes, the separate
/// <c>aws:ec2/route:Route</c> resources, and the prefix-list routes that gateway endpoints add to it.
/// Null <see cref="Resource"/> is the implicit main table of a VPC in the stack: only the local route.
/// </summary>
public sealed class RouteTable(StackResource? resource)
{
    public StackResource? Resource { get; } = resource;

    public Vpc? Vpc { get; internal set; }

    public List<Route> Routes { get; } = [];

    /// <summary>Gateway endpoints associated with this table (their prefix-list routes).</summary>
    public List<VpcEndpoint> GatewayEndpoints { get; } = [];

    /// <summary>True when some routes cannot be read (unknown inline list, route with an unknown table...).</summary>
    public bool HasUnknownRoutes { get; internal set; }

    /// <summary>True when a gateway endpoint with unknown route tables may be associated with this table.</summary>
    public bool MayHaveUnknownGatewayEndpoints { get; internal set; }

    public string Name => Resource?.Name ?? "main route table (VPC default)";

    /// <summary>
    /// Longest-prefix match: the most specific route whose destination contains <paramref name="destination"/>.
    /// Null when no route matches. <paramref name="unknown"/> is true when an unreadable route could win.
    /// </summary>
    public Route? Lookup(Ipv4Cidr destination, out bool unknown)
    {
        unknown = HasUnknownRoutes;
        Route? best = null;
        foreach (var route in Routes)
        {
            if (route.Destination.IsUnknown)
            {
                unknown = true;
                continue;
            }

            if (!route.Destination.IsKnown || !route.Destination.Value.Contains(destination))
            {
                continue;
            }

            if (best is null || route.Destination.Value.PrefixLength > best.Destination.Value.PrefixLength)
            {
                best = route;
            }
        }

        return best;
    }
}
