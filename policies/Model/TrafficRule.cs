
namespace FargateNetwork.Policies.Model;

/// <summary>What the prefix lists a rule names can hold.</summary>
public enum PrefixListPeers
{
    /// <summary>The rule names no prefix list (or only managed prefix lists of the stack, read as CIDRs).</summary>
    None,

    /// <summary>AWS-managed prefix lists only (a gateway endpoint's <c>prefixListId</c>): public service addresses.</summary>
    AwsManaged,

    /// <summary>A prefix list whose contents are not known (outside the stack, or not known yet).</summary>
    Unknown,
}

/// <summary>One ingress or egress rule; the peer is the source of ingress and the destination of egress.</summary>
/// <param name="Protocol"><c>tcp</c>, <c>6</c>, <c>-1</c>/<c>all</c>...</param>
/// <param name="Cidrs">Peer IPv4 blocks.</param>
/// <param name="Groups">Peer security groups (resolved).</param>
/// <param name="GroupsUnknown">True when a peer group is unknown or outside the stack.</param>
/// <param name="Self">The group itself is a peer.</param>
/// <param name="PrefixLists">What the rule's peer prefix lists can hold (the CIDRs of a managed prefix list of the
/// stack are in <paramref name="Cidrs"/>).</param>
public sealed record TrafficRule(
    StackResource Source,
    Fact<string> Protocol,
    Fact<double> FromPort,
    Fact<double> ToPort,
    IReadOnlyList<Fact<Ipv4Cidr>> Cidrs,
    IReadOnlyList<SecurityGroup> Groups,
    bool GroupsUnknown,
    Fact<bool> Self,
    PrefixListPeers PrefixLists)
{
    public bool? Admits(SecurityGroup owner, int port, Fact<Ipv4Cidr> source, IReadOnlyCollection<SecurityGroup> sourceGroups, bool sourceGroupsUnknown)
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
        for (var i = 0; i < Cidrs.Count; i++)
        {
            var cidr = Cidrs[i];
            if (cidr.IsUnknown || source.IsUnknown)
            {
                verdict = null;
            }
            else if (cidr.IsKnown && source.IsKnown && cidr.Value.Contains(source.Value))
            {
                return true;
            }
        }

        if (AnyGroupIn(sourceGroups) || (Self.Is(s => s) && sourceGroups.Contains(owner)))
        {
            return true;
        }

        if (GroupsUnknown || Self.IsUnknown || PrefixLists == PrefixListPeers.Unknown || ((Groups.Count > 0 || Self.Is(s => s)) && sourceGroupsUnknown))
        {
            verdict = null;
        }

        // An AWS-managed prefix list (a gateway endpoint's prefixListId) holds only the public addresses of an AWS
        // service: never a private peer such as a VPC endpoint's network interface.
        // https://docs.aws.amazon.com/vpc/latest/userguide/working-with-aws-managed-prefix-lists.html
        if (PrefixLists == PrefixListPeers.AwsManaged && !source.Is(Ipv4Cidr.IsPrivate))
        {
            verdict = null;
        }

        return verdict;
    }

    private bool AnyGroupIn(IReadOnlyCollection<SecurityGroup> groups)
    {
        for (var i = 0; i < Groups.Count; i++)
        {
            if (groups.Contains(Groups[i]))
            {
                return true;
            }
        }

        return false;
    }
}
