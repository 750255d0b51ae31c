using FargateNetwork.Policies.Stack;

namespace FargateNetwork.Policies.Model;

/// <summary>
/// An <c>aws:ec2/securityGroup:SecurityGroup</c> with its rules: inline <c>ingress</c>/<c>egress</c>, separate
/// <c>aws:ec2/securityGroupRule:SecurityGroupRule</c> resources, and <c>aws:vpc/securityGroupIngressRule</c> /
/// <c>aws:vpc/securityGroupEgressRule</c> resources. The provider removes the allow-all egress rule AWS creates with a
/// VPC security group (see the "NOTE on Egress rules" of the provider's SecurityGroup), so a group with no egress
/// rule lets nothing out.
/// </summary>
public sealed class SecurityGroup(StackResource resource)
{
    public StackResource Resource { get; } = resource;

    public List<TrafficRule> Ingress { get; } = [];

    /// <summary>True when some ingress rule cannot be read (unknown inline list, rule with an unknown group).</summary>
    public bool IngressUnknown { get; internal set; }

    public List<TrafficRule> Egress { get; } = [];

    /// <summary>True when some egress rule cannot be read.</summary>
    public bool EgressUnknown { get; internal set; }

    public string Name => Resource.Name;

    /// <summary>
    /// Whether the group admits TCP <paramref name="port"/> from every address of <paramref name="source"/>, or from
    /// ENIs in one of <paramref name="sourceGroups"/>. Null when it depends on a value that is unknown.
    /// </summary>
    public bool? Admits(int port, Fact<Cidr> source, IReadOnlyCollection<SecurityGroup> sourceGroups, bool sourceGroupsUnknown)
    {
        var unknown = IngressUnknown;
        foreach (var rule in Ingress)
        {
            var verdict = rule.Admits(this, port, source, sourceGroups, sourceGroupsUnknown);
            if (verdict == true)
            {
                return true;
            }

            unknown |= verdict is null;
        }

        return unknown ? null : false;
    }

    /// <summary>
    /// Whether the group lets TCP <paramref name="port"/> out to every address of <paramref name="destination"/>, or
    /// to ENIs in one of <paramref name="destinationGroups"/>. Null when it depends on a value that is unknown.
    /// </summary>
    public bool? AllowsOut(int port, Fact<Cidr> destination, IReadOnlyCollection<SecurityGroup> destinationGroups, bool destinationGroupsUnknown)
    {
        var unknown = EgressUnknown;
        foreach (var rule in Egress)
        {
            var verdict = rule.Admits(this, port, destination, destinationGroups, destinationGroupsUnknown);
            if (verdict == true)
            {
                return true;
            }

            unknown |= verdict is null;
        }

        return unknown ? null : false;
    }
}

/// <summary>One ingress or egress rule; the peer is the source of ingress and the destination of egress.</summary>
/// <param name="Protocol"><c>tcp</c>, <c>6</c>, <c>-1</c>/<c>all</c>...</param>
/// <param name="Cidrs">Peer IPv4 blocks.</param>
/// <param name="Groups">Peer security groups (resolved).</param>
/// <param name="GroupsUnknown">True when a peer group is unknown or outside the stack.</param>
/// <param name="Self">The group itself is a peer.</param>
/// <param name="HasPrefixLists">Peer prefix lists (their contents are not modelled).</param>
public sealed record TrafficRule(
    StackResource Source,
    Fact<string> Protocol,
    Fact<double> FromPort,
    Fact<double> ToPort,
    IReadOnlyList<Fact<Cidr>> Cidrs,
    IReadOnlyList<SecurityGroup> Groups,
    bool GroupsUnknown,
    Fact<bool> Self,
    bool HasPrefixLists)
{
    public bool? Admits(SecurityGroup owner, int port, Fact<Cidr> source, IReadOnlyCollection<SecurityGroup> sourceGroups, bool sourceGroupsUnknown)
    {
        if (!Protocol.IsKnown)
        {
            return Protocol.IsUnknown ? null : false;
        }

        var protocol = Protocol.Value.ToLowerInvariant();
        var all = protocol is "-1" or "all";
        if (!all && protocol is not ("tcp" or "6"))
        {
            return false;
        }

        if (!all)
        {
            if (FromPort.IsUnknown || ToPort.IsUnknown)
            {
                return null;
            }

            // An absent port range on a TCP rule matches nothing we can vouch for.
            if (!FromPort.IsKnown || !ToPort.IsKnown || port < FromPort.Value || port > ToPort.Value)
            {
                return false;
            }
        }

        bool? verdict = false;
        foreach (var cidr in Cidrs)
        {
            if (cidr.IsUnknown || source.IsUnknown)
            {
                verdict = null;
            }
            else if (cidr.IsKnown && source.IsKnown && cidr.Value.Contains(source.Value))
            {
                return true;
            }
        }

        if (Groups.Any(sourceGroups.Contains) || (Self.Is(s => s) && sourceGroups.Contains(owner)))
        {
            return true;
        }

        if (GroupsUnknown || Self.IsUnknown || HasPrefixLists || ((Groups.Count > 0 || Self.Is(s => s)) && sourceGroupsUnknown))
        {
            verdict = null;
        }

        return verdict;
    }
}
