using FargateNetwork.Policies.Stack;

namespace FargateNetwork.Policies.Model;

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
