using static StackRules.ResourceProperties;

namespace FargateNetwork.Policies.Model;

/// <summary>The model builder's reader of security groups and their rules in every provider form (inline, SecurityGroupRule, vpc ingress/egress rules).</summary>
internal sealed partial class NetworkModelBuilder
{
    private void AddSecurityGroups()
    {
        foreach (var r in graph.OfType(AwsTypes.SecurityGroup))
        {
            securityGroups[r] = new SecurityGroup(r) { VpcKey = VpcKeyOf(graph.Resolve(r, "vpcId")) };
            model.SecurityGroups.Add(securityGroups[r]);
        }

        foreach (var group in model.SecurityGroups)
        {
            AddInlineRules(group, "ingress", group.Ingress);
            AddInlineRules(group, "egress", group.Egress);
        }

        foreach (var r in graph.OfType(AwsTypes.SecurityGroupRule))
        {
            var p = new ResourceProperties(r);
            var type = p.Text("type");
            var owner = graph.Resolve(r, "securityGroupId");
            if (Lookup(securityGroups, owner) is not { } group)
            {
                MarkAllRulesUnknownIf(owner.IsUnknown);
                continue;
            }

            if (type.IsUnknown)
            {
                group.IngressUnknown = true;
                group.EgressUnknown = true;
                continue;
            }

            var rules = type.Is(t => t == "egress") ? group.Egress : group.Ingress;

            var source = graph.Resolve(r, "sourceSecurityGroupId");
            var sourceGroup = Lookup(securityGroups, source);
            var cidrs = Cidrs(p.Get("cidrBlocks"));
            rules.Add(new TrafficRule(
                r,
                p.Text("protocol"),
                p.Number("fromPort"),
                p.Number("toPort"),
                cidrs,
                sourceGroup is null ? [] : [sourceGroup],
                source.Kind is RefKind.Unknown or RefKind.External,
                p.Bool("self").OrDefault(false),
                PrefixLists(p.Get("prefixListIds"), cidrs)));
        }

        foreach (var r in graph.OfTypes(AwsTypes.SecurityGroupIngressRule, AwsTypes.SecurityGroupEgressRule))
        {
            var p = new ResourceProperties(r);
            var owner = graph.Resolve(r, "securityGroupId");
            if (Lookup(securityGroups, owner) is not { } group)
            {
                MarkAllRulesUnknownIf(owner.IsUnknown);
                continue;
            }

            var rules = ResourceGraph.CanonicalType(r.Type) == AwsTypes.SecurityGroupEgressRule ? group.Egress : group.Ingress;

            var source = graph.Resolve(r, "referencedSecurityGroupId");
            var sourceGroup = Lookup(securityGroups, source);
            var cidr = ParseCidr(p.Text("cidrIpv4"));
            List<Fact<Ipv4Cidr>> cidrs = cidr.IsAbsent ? [] : [cidr];
            var prefixList = p.Get("prefixListId");
            rules.Add(new TrafficRule(
                r,
                p.Text("ipProtocol"),
                p.Number("fromPort"),
                p.Number("toPort"),
                cidrs,
                sourceGroup is null ? [] : [sourceGroup],
                source.Kind is RefKind.Unknown or RefKind.External,
                Fact<bool>.Of(false),
                prefixList is null ? PrefixListPeers.None : PrefixLists(new ArrayValue([prefixList]), cidrs)));
        }
    }

    /// <summary>The rules a group lists inline (<c>ingress</c> or <c>egress</c>), added to <paramref name="rules"/>.</summary>
    private void AddInlineRules(SecurityGroup group, string key, List<TrafficRule> rules)
    {
        var items = AsList(new ResourceProperties(group.Resource).Get(key));
        if (items is null)
        {
            MarkUnknown(group, key);
            return;
        }

        rules.EnsureCapacity(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (Unwrap(items[i]) is not ObjectValue item)
            {
                MarkUnknown(group, key);
                continue;
            }

            var (groups, groupsUnknown) = ResolveAll(securityGroups, Field(item, "securityGroups"));
            var cidrs = Cidrs(Field(item, "cidrBlocks"));
            rules.Add(new TrafficRule(
                group.Resource,
                AsString(Field(item, "protocol")),
                AsNumber(Field(item, "fromPort")),
                AsNumber(Field(item, "toPort")),
                cidrs,
                groups,
                groupsUnknown,
                AsBool(Field(item, "self")).OrDefault(false),
                PrefixLists(Field(item, "prefixListIds"), cidrs)));
        }
    }

    private static void MarkUnknown(SecurityGroup group, string direction)
    {
        if (direction == "ingress")
        {
            group.IngressUnknown = true;
        }
        else
        {
            group.EgressUnknown = true;
        }
    }

    private void MarkAllRulesUnknownIf(bool condition)
    {
        if (!condition || allRulesUnknown)
        {
            return;
        }

        allRulesUnknown = true;
        foreach (var group in model.SecurityGroups)
        {
            group.IngressUnknown = true;
            group.EgressUnknown = true;
        }
    }

    /// <summary>
    /// Indexes the prefix lists the stack knows: a gateway endpoint's <c>prefixListId</c> output (AWS-managed: the
    /// service's public addresses), and managed prefix lists of the stack (their entries, read as CIDRs).
    /// </summary>
    private void AddPrefixLists()
    {
        foreach (var r in graph.OfType(AwsTypes.VpcEndpoint))
        {
            if (r.Outputs?.Properties.TryGetValue("prefixListId", out var id) == true && Unwrap(id) is StringValue { Value.Length: > 0 } s)
            {
                prefixListKinds.TryAdd(s.Value, PrefixListPeers.AwsManaged);
            }
        }
    }

    /// <summary>
    /// An AWS-managed prefix list id has the short EC2 id form (<c>pl-</c> and 8 hex digits, such as the S3 lists
    /// <c>pl-63a5400a</c>, <c>pl-6da54004</c>); customer-managed lists (2020 on) have the long form
    /// (<c>pl-0123456789abcdef0</c>, 17 hex digits), like every EC2 resource created since the long ids.
    /// https://docs.aws.amazon.com/vpc/latest/userguide/working-with-aws-managed-prefix-lists.html
    /// </summary>
    private static bool IsAwsManagedPrefixListId(string id) =>
        id.Length == 11 && id.StartsWith("pl-", StringComparison.Ordinal) && id[3..].All(char.IsAsciiHexDigitLower);

    /// <summary>
    /// What the prefix lists of a rule can hold: an AWS-managed list (a gateway endpoint's <c>prefixListId</c>, by
    /// reference or literal id), a managed prefix list of the stack (its entries are added to
    /// <paramref name="cidrs"/>), or unknown (any other id, an unknown value).
    /// </summary>
    private PrefixListPeers PrefixLists(PropertyValue? value, List<Fact<Ipv4Cidr>> cidrs)
    {
        var refs = graph.ResolveList(value);
        if (refs is null)
        {
            return PrefixListPeers.Unknown;
        }

        var result = PrefixListPeers.None;
        foreach (var reference in refs)
        {
            var type = reference.Target is { } t ? ResourceGraph.CanonicalType(t.Type) : null;
            if (type == AwsTypes.VpcEndpoint || (reference.ExternalId is { } id && (prefixListKinds.ContainsKey(id) || IsAwsManagedPrefixListId(id))))
            {
                result = result == PrefixListPeers.Unknown ? result : PrefixListPeers.AwsManaged;
            }
            else if (type == AwsTypes.ManagedPrefixList && AsList(new ResourceProperties(reference.Target!).Get("entries")) is { } entries)
            {
                cidrs.AddRange(entries.Select(e => ParseCidr(AsString(Field(e, "cidr")))));
            }
            else if (reference.Kind != RefKind.Absent)
            {
                result = PrefixListPeers.Unknown;
            }
        }

        return result;
    }
}
