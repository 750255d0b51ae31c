using FargateNetwork.Policies.Model;
using static FargateNetwork.Policies.Tests.Corpus.Mutation.StackEdit;

namespace FargateNetwork.Policies.Tests.Corpus.Mutation;

/// <summary>
/// The same routes and endpoint associations in the other provider form: inline <c>routes</c> of a route table ↔
/// <c>aws:ec2/route:Route</c> resources; an endpoint's <c>routeTableIds</c>/<c>subnetIds</c> ↔
/// <c>VpcEndpointRouteTableAssociation</c>/<c>VpcEndpointSubnetAssociation</c> resources.
/// </summary>
public static class RouteRewrites
{
    // Inline route key → aws:ec2/route:Route key (the target keys are the same in both forms).
    private static readonly Dictionary<string, string> Destination = new(StringComparer.Ordinal)
    {
        ["cidrBlock"] = "destinationCidrBlock",
        ["ipv6CidrBlock"] = "destinationIpv6CidrBlock",
        ["destinationPrefixListId"] = "destinationPrefixListId",
    };

    public static IEnumerable<Rewrite> All =>
    [
        new("inline routes -> Route resources", InlineToResources),
        new("Route resources -> inline routes", ResourcesToInline),
        new("endpoint routeTableIds -> VpcEndpointRouteTableAssociation", s => IdsToAssociations(s, "routeTableIds", AwsTypes.VpcEndpointRouteTableAssociation, "routeTableId")),
        new("VpcEndpointRouteTableAssociation -> endpoint routeTableIds", s => AssociationsToIds(s, "routeTableIds", AwsTypes.VpcEndpointRouteTableAssociation, "routeTableId")),
        new("endpoint subnetIds -> VpcEndpointSubnetAssociation", s => IdsToAssociations(s, "subnetIds", AwsTypes.VpcEndpointSubnetAssociation, "subnetId")),
        new("VpcEndpointSubnetAssociation -> endpoint subnetIds", s => AssociationsToIds(s, "subnetIds", AwsTypes.VpcEndpointSubnetAssociation, "subnetId")),
    ];

    private static bool InlineToResources(StackEdit stack)
    {
        var changed = false;
        foreach (var table in stack.OfType(AwsTypes.RouteTable).Concat(stack.OfType(AwsTypes.DefaultRouteTable)))
        {
            var routes = Items(Get(table, "routes"));
            if (routes.Count == 0 || routes.Any(r => r is not ObjectValue))
            {
                continue;
            }

            stack.Replace(table, With(table, "routes", null));
            var i = 0;
            foreach (ObjectValue route in routes)
            {
                var props = new Dictionary<string, PropertyValue>(StringComparer.Ordinal) { ["routeTableId"] = stack.RefTo(table) };
                foreach (var (key, value) in route.Properties.Where(p => p.Value is not NullValue))
                {
                    props[Destination.GetValueOrDefault(key, key)] = value;
                }

                stack.Add(stack.New(AwsTypes.Route, $"{table.Name}-route-{i++}", props));
            }

            changed = true;
        }

        return changed;
    }

    private static bool ResourcesToInline(StackEdit stack)
    {
        var changed = false;
        foreach (var route in stack.OfType(AwsTypes.Route))
        {
            var table = stack.Target(Get(route, "routeTableId"));
            if (table is null || ResourceGraph.CanonicalType(table.Type) is not (AwsTypes.RouteTable or AwsTypes.DefaultRouteTable))
            {
                continue;
            }

            var inline = route.Inputs.Properties
                .Where(p => p.Key != "routeTableId")
                .ToDictionary(p => Destination.FirstOrDefault(d => d.Value == p.Key).Key ?? p.Key, p => p.Value, StringComparer.Ordinal);
            var current = stack.Resources.Single(r => r.Urn == table.Urn);
            stack.Replace(current, With(current, "routes", new ArrayValue([.. Items(Get(current, "routes")), new ObjectValue(inline)])));
            stack.Remove(route);
            changed = true;
        }

        return changed;
    }

    private static bool IdsToAssociations(StackEdit stack, string listKey, string associationType, string idKey)
    {
        var changed = false;
        foreach (var endpoint in stack.OfType(AwsTypes.VpcEndpoint))
        {
            var ids = Items(Get(endpoint, listKey));
            if (ids.Count == 0)
            {
                continue;
            }

            stack.Replace(endpoint, With(endpoint, listKey, null));
            var i = 0;
            foreach (var id in ids)
            {
                stack.Add(stack.New(associationType, $"{endpoint.Name}-{idKey}-{i++}", Props(("vpcEndpointId", stack.RefTo(endpoint)), (idKey, id))));
            }

            changed = true;
        }

        return changed;
    }

    private static bool AssociationsToIds(StackEdit stack, string listKey, string associationType, string idKey)
    {
        var changed = false;
        foreach (var association in stack.OfType(associationType))
        {
            if (stack.Target(Get(association, "vpcEndpointId")) is not { } endpoint || Get(association, idKey) is not { } id)
            {
                continue;
            }

            var current = stack.Resources.Single(r => r.Urn == endpoint.Urn);
            stack.Replace(current, With(current, listKey, new ArrayValue([.. Items(Get(current, listKey)), id])));
            stack.Remove(association);
            changed = true;
        }

        return changed;
    }
}
