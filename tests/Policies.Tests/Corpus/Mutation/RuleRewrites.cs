using FargateNetwork.Policies.Model;
using static FargateNetwork.Policies.Tests.Corpus.Mutation.StackEdit;

namespace FargateNetwork.Policies.Tests.Corpus.Mutation;

/// <summary>
/// The same security-group rules in the other provider forms: inline <c>ingress</c>/<c>egress</c> blocks ↔
/// <c>aws:ec2/securityGroupRule:SecurityGroupRule</c> resources ↔ <c>aws:vpc/securityGroupIngressRule</c> /
/// <c>securityGroupEgressRule</c> resources (one peer each: a CIDR, a prefix list or a group).
/// </summary>
public static class RuleRewrites
{
    public static IEnumerable<Rewrite> All =>
    [
        new("inline rules -> SecurityGroupRule", InlineToSecurityGroupRules),
        new("inline rules -> vpc IngressRule/EgressRule", InlineToVpcRules),
        new("SecurityGroupRule -> inline rules", SecurityGroupRulesToInline),
    ];

    private static IEnumerable<(string Direction, ObjectValue Rule)> InlineRules(StackResource sg) =>
        new[] { "ingress", "egress" }.SelectMany(d => Items(Get(sg, d)).OfType<ObjectValue>().Select(r => (d, r)));

    private static PropertyValue? Field(ObjectValue rule, string key) =>
        rule.Properties.TryGetValue(key, out var v) && v is not NullValue ? v : null;

    private static bool TakeInline(StackEdit stack, Action<StackResource, string, ObjectValue> emit)
    {
        var changed = false;
        foreach (var sg in stack.OfType(AwsTypes.SecurityGroup))
        {
            var rules = InlineRules(sg).ToList();
            if (rules.Count == 0)
            {
                continue;
            }

            stack.Replace(sg, With(With(sg, "ingress", null), "egress", null));
            foreach (var (direction, rule) in rules)
            {
                emit(sg, direction, rule);
            }

            changed = true;
        }

        return changed;
    }

    private static bool InlineToSecurityGroupRules(StackEdit stack)
    {
        var n = 0;
        return TakeInline(stack, (sg, direction, rule) =>
        {
            PropertyValue? Common(string key) => Field(rule, key);
            var basics = new (string, PropertyValue?)[] { ("type", new StringValue(direction)), ("securityGroupId", stack.RefTo(sg)), ("protocol", Common("protocol")), ("fromPort", Common("fromPort")), ("toPort", Common("toPort")), ("description", Common("description")) };
            var peers = new (string, PropertyValue?)[] { ("cidrBlocks", Common("cidrBlocks")), ("ipv6CidrBlocks", Common("ipv6CidrBlocks")), ("prefixListIds", Common("prefixListIds")) };
            if (peers.Any(p => Items(p.Item2).Count > 0))
            {
                stack.Add(stack.New(AwsTypes.SecurityGroupRule, $"{sg.Name}-rule-{n++}", Props([.. basics, .. peers.Where(p => Items(p.Item2).Count > 0)])));
            }

            if (Common("self") is BoolValue { Value: true })
            {
                stack.Add(stack.New(AwsTypes.SecurityGroupRule, $"{sg.Name}-rule-{n++}", Props([.. basics, ("self", new BoolValue(true))])));
            }

            foreach (var group in Items(Common("securityGroups")))
            {
                stack.Add(stack.New(AwsTypes.SecurityGroupRule, $"{sg.Name}-rule-{n++}", Props([.. basics, ("sourceSecurityGroupId", group)])));
            }
        });
    }

    private static bool InlineToVpcRules(StackEdit stack)
    {
        var n = 0;
        return TakeInline(stack, (sg, direction, rule) =>
        {
            var type = direction == "ingress" ? AwsTypes.SecurityGroupIngressRule : AwsTypes.SecurityGroupEgressRule;
            var protocol = Field(rule, "protocol");
            var allTraffic = protocol is StringValue { Value: "-1" or "all" };
            void Emit(string peerKey, PropertyValue peer) => stack.Add(stack.New(type, $"{sg.Name}-{direction}-{n++}", Props(
                ("securityGroupId", stack.RefTo(sg)),
                ("ipProtocol", allTraffic ? new StringValue("-1") : protocol),
                ("fromPort", allTraffic ? null : Field(rule, "fromPort")),
                ("toPort", allTraffic ? null : Field(rule, "toPort")),
                (peerKey, peer))));
            foreach (var cidr in Items(Field(rule, "cidrBlocks")))
            {
                Emit("cidrIpv4", cidr);
            }

            foreach (var cidr in Items(Field(rule, "ipv6CidrBlocks")))
            {
                Emit("cidrIpv6", cidr);
            }

            foreach (var list in Items(Field(rule, "prefixListIds")))
            {
                Emit("prefixListId", list);
            }

            foreach (var group in Items(Field(rule, "securityGroups")))
            {
                Emit("referencedSecurityGroupId", group);
            }

            if (Field(rule, "self") is BoolValue { Value: true })
            {
                Emit("referencedSecurityGroupId", stack.RefTo(sg));
            }
        });
    }

    private static bool SecurityGroupRulesToInline(StackEdit stack)
    {
        var changed = false;
        foreach (var rule in stack.OfType(AwsTypes.SecurityGroupRule))
        {
            if (stack.Target(Get(rule, "securityGroupId")) is not { } sg || Get(rule, "type") is not StringValue { Value: "ingress" or "egress" } direction)
            {
                continue;
            }

            var inline = rule.Inputs.Properties
                .Where(p => p.Key is not ("type" or "securityGroupId" or "sourceSecurityGroupId"))
                .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            if (Get(rule, "sourceSecurityGroupId") is { } source)
            {
                inline["securityGroups"] = new ArrayValue([source]);
            }

            var current = stack.Resources.Single(r => r.Urn == sg.Urn);
            stack.Replace(current, With(current, direction.Value, new ArrayValue([.. Items(Get(current, direction.Value)), new ObjectValue(inline)])));
            stack.Remove(rule);
            changed = true;
        }

        return changed;
    }
}
