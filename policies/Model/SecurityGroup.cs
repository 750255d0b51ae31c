
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

    /// <summary>The group's <c>vpcId</c> in any form; absent means the Region's default VPC.</summary>
    public VpcKey VpcKey { get; internal set; }

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
    public bool? Admits(int port, Fact<Ipv4Cidr> source, IReadOnlyCollection<SecurityGroup> sourceGroups, bool sourceGroupsUnknown)
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
    public bool? AllowsOut(int port, Fact<Ipv4Cidr> destination, IReadOnlyCollection<SecurityGroup> destinationGroups, bool destinationGroupsUnknown)
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
