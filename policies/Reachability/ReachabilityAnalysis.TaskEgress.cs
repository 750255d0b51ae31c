using FargateNetwork.Policies.Model;

namespace FargateNetwork.Policies.Reachability;

/// <summary>The task side of every path: the task security groups must let TCP 443 out toward it.</summary>
public sealed partial class ReachabilityAnalysis
{
    /// <summary>
    /// A path exists only if a task security group lets TCP 443 out toward it: to the endpoint's subnets or security
    /// groups, or to public addresses (<c>0.0.0.0/0</c>) for NAT, internet gateway and S3 gateway paths. Toward an
    /// interface endpoint (private addresses), egress to public blocks or AWS-managed prefix lists is closed; toward
    /// public addresses, egress to a prefix list or to specific public blocks cannot be judged and is taken as open.
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

        // The endpoint's subnets, then an unknown peer when they are none or not all known.
        var unknownPeer = endpoint.Subnets.Count == 0 || endpoint.SubnetsUnknown;
        for (var i = 0; i < endpoint.Subnets.Count + (unknownPeer ? 1 : 0); i++)
        {
            var peer = i < endpoint.Subnets.Count ? endpoint.Subnets[i].CidrBlock : Fact<Ipv4Cidr>.Unknown;
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

    private static bool? OutToPublic(SecurityGroup group)
    {
        var verdict = group.AllowsOut(443, Fact<Ipv4Cidr>.Of(Ipv4Cidr.Any), [], false);
        if (verdict == false && group.Egress.Any(r => r.Cidrs.Any(c => c.IsKnown && !Ipv4Cidr.IsPrivate(c.Value))))
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

    /// <summary>
    /// For a path the routes leave unknown (subnets outside the stack, routes not known yet): the task security groups
    /// may still close it whatever the route. Traffic to public addresses (the internet, S3 layers, another Region,
    /// a service with no interface endpoint in a VPC of the stack) needs TCP 443 out to them; any service needs TCP
    /// 443 out to something. Null when the groups do not settle it.
    /// </summary>
    private NetworkPath? ClosedWhateverTheRoute(TaskPlacement placement, Subnet subnet, Destination destination)
    {
        if (placement.SecurityGroupsUnknown || placement.SecurityGroups.Count == 0)
        {
            return null;
        }

        var publicBound = destination.IsPublicBound
            || (destination.Service is { } service && subnet.Vpc is not null && InterfaceEndpoints(subnet, service).Count == 0 && !MayHaveUnresolvedEndpoint(service));
        if (publicBound && AnyGroup(placement, OutToPublic) == false)
        {
            return NetworkPath.NoPath(
                NoPathReason.TaskEgressClosed,
                $"the task security groups ({TaskGroups(placement)}) let no TCP 443 out to public addresses (0.0.0.0/0), which {destination.Name} needs whatever the route; the provider removes AWS's default allow-all egress rule, so a group needs an explicit egress rule",
                placement.SecurityGroups[0].Resource);
        }

        if (destination.IsService && AnyGroup(placement, g => g.AllowsOut(443, Fact<Ipv4Cidr>.Unknown, [], true)) == false)
        {
            return NetworkPath.NoPath(
                NoPathReason.TaskEgressClosed,
                $"the task security groups ({TaskGroups(placement)}) let no TCP 443 out at all; the provider removes AWS's default allow-all egress rule, so a group needs an explicit egress rule",
                placement.SecurityGroups[0].Resource);
        }

        return null;
    }

    /// <summary>True when some task group allows it, false when none can, null when it depends on unknowns.</summary>
    private static bool? AnyGroup(TaskPlacement placement, Func<SecurityGroup, bool?> allows)
    {
        bool? result = false;
        foreach (var group in placement.SecurityGroups)
        {
            var verdict = allows(group);
            if (verdict == true)
            {
                return true;
            }

            result = verdict is null ? null : result;
        }

        return result;
    }
}
