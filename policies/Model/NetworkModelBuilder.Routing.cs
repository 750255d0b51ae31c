using static StackRules.ResourceProperties;

namespace FargateNetwork.Policies.Model;

/// <summary>The model builder's reader of route tables (inline routes, Route resources, the VPC's default table by id), route targets and associations.</summary>
internal sealed partial class NetworkModelBuilder
{
    private void AddRouteTables()
    {
        // VPC outputs name the table AWS created with them by id (stack export, preview): routes, associations and
        // endpoints may name it by that literal id.
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
            var vpc = VpcOfDefaultTable(graph.Resolve(r, "defaultRouteTableId"));
            table.Vpc = vpc;
            if (vpc is not null)
            {
                vpc.DefaultTable ??= table;
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

        // A VPC whose default table the stack does not adopt keeps the one AWS created: the local route only, plus
        // whatever Route resources add to it by id.
        foreach (var vpc in model.Vpcs.Where(v => v.DefaultTable is null))
        {
            vpc.DefaultTable = new RouteTable(null) { Vpc = vpc };
            if (vpc.CidrBlock.IsKnown)
            {
                vpc.DefaultTable.Routes.Add(new Route(null, vpc.CidrBlock, Fact<string>.Absent, RouteTargetKind.Local, null, null, "local"));
            }

            model.RouteTables.Add(vpc.DefaultTable);
        }
    }

    /// <summary>
    /// The VPC whose default table a reference names: <c>${vpc.defaultRouteTableId}</c> or <c>${vpc.mainRouteTableId}</c>
    /// (a reference to the VPC; in a preview, an unknown whose only dependency is the VPC), or the literal id equal to
    /// the VPC's <c>defaultRouteTableId</c>/<c>mainRouteTableId</c> output.
    /// </summary>
    private Vpc? VpcOfDefaultTable(ResourceRef reference) =>
        Lookup(vpcs, reference) ?? (reference.ExternalId is { } id && vpcByDefaultTableId.TryGetValue(id, out var vpc) ? vpc : null);

    /// <summary>The route table a reference names, in any form: a table of the stack or a VPC's default table by id.</summary>
    private RouteTable? TableOf(ResourceRef reference) => Lookup(routeTables, reference) ?? VpcOfDefaultTable(reference)?.DefaultTable;

    private void AddRoutes()
    {
        foreach (var r in graph.OfType(AwsTypes.Route))
        {
            var tableRef = graph.Resolve(r, "routeTableId");
            if (TableOf(tableRef) is { } table)
            {
                AddRoute(table, r, new ObjectValue(r.Inputs.Properties), "destinationCidrBlock");
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
                if (TableOf(tableRef) is { } table)
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

            if (TableOf(graph.Resolve(r, "routeTableId")) is { } table)
            {
                vpc.MainRouteTable = table;
            }
            else
            {
                vpc.MainRouteTableUnknown = true;
            }
        }
    }
}
