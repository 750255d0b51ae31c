using static StackRules.ResourceProperties;

namespace FargateNetwork.Policies.Model;

/// <summary>The model builder's reader of load balancers, target groups, listeners, log groups, and the stack's Region.</summary>
internal sealed partial class NetworkModelBuilder
{
    private void AddLoadBalancing()
    {
        foreach (var r in graph.OfTypes(AwsTypes.LoadBalancer, AwsTypes.AlbLoadBalancer))
        {
            var p = new ResourceProperties(r);
            var lb = new LoadBalancer(r)
            {
                Internal = p.Bool("internal").OrDefault(false),
                LoadBalancerType = p.Text("loadBalancerType").OrDefault("application"),
            };
            lb.SubnetsUnknown = ResolveInto(subnets, p.Get("subnets"), lb.Subnets);
            var mappings = AsList(p.Get("subnetMappings"));
            if (mappings is null)
            {
                lb.SubnetsUnknown = true;
            }
            else
            {
                foreach (var mapping in mappings)
                {
                    var reference = graph.Resolve(Field(mapping, "subnetId"));
                    if (Lookup(subnets, reference) is { } subnet)
                    {
                        lb.Subnets.Add(subnet);
                    }
                    else
                    {
                        lb.SubnetsUnknown = true;
                    }
                }
            }

            loadBalancers[r] = lb;
            model.LoadBalancers.Add(lb);
        }

        foreach (var r in graph.OfTypes(AwsTypes.TargetGroup, AwsTypes.AlbTargetGroup))
        {
            var tg = new TargetGroup(r) { TargetType = new ResourceProperties(r).Text("targetType").OrDefault("instance") };
            targetGroups[r] = tg;
            model.TargetGroups.Add(tg);
        }

        foreach (var r in graph.OfTypes(AwsTypes.Listener, AwsTypes.AlbListener))
        {
            if (Lookup(loadBalancers, graph.Resolve(r, "loadBalancerArn")) is not { } lb)
            {
                continue;
            }

            foreach (var action in AsList(new ResourceProperties(r).Get("defaultActions")) ?? [])
            {
                var targets = new List<PropertyValue?> { Field(action, "targetGroupArn") };
                targets.AddRange((AsList(Field(Field(action, "forward"), "targetGroups")) ?? []).Select(t => Field(t, "arn")));
                foreach (var target in targets)
                {
                    if (Lookup(targetGroups, graph.Resolve(target)) is { } tg && !lb.TargetGroups.Contains(tg))
                    {
                        lb.TargetGroups.Add(tg);
                    }
                }
            }
        }
    }

    private void AddLogGroups()
    {
        foreach (var r in graph.OfType(AwsTypes.LogGroup))
        {
            var p = new ResourceProperties(r);
            var name = p.Text("name");
            model.LogGroups.Add(new LogGroup(r, name, !p.Text("namePrefix").IsAbsent));
        }
    }

    /// <summary>A vote for each AWS resource's own <c>region</c> input (known, not secret).</summary>
    private void VoteResourceRegions(Dictionary<string, int> votes)
    {
        foreach (var r in graph.Resources)
        {
            if (r.Type.StartsWith("aws:", StringComparison.Ordinal) && r.Inputs.Properties.TryGetValue("region", out var region) && AsString(region) is { IsKnown: true, IsSecret: false } known
                && known.Value.Length > 0)
            {
                votes[known.Value] = votes.GetValueOrDefault(known.Value) + 1;
            }
        }
    }

    /// <summary>A vote for the Region of each subnet's availability zone.</summary>
    private void VoteSubnetRegions()
    {
        foreach (var subnet in model.Subnets)
        {
            // AZ names are the Region plus a letter (ap-northeast-1a); AZ ids (apne1-az1) say nothing here. A secret AZ
            // does not vote: the Region would be text derived from a secret in every endpoint service name printed.
            if (subnet.AvailabilityZone is { IsKnown: true, IsSecret: false } && subnet.AvailabilityZone.Value is { Length: > 1 } az && char.IsLetter(az[^1]) && char.IsDigit(az[^2]))
            {
                Vote(az.AsSpan(0, az.Length - 1));
            }
        }
    }

    private void Vote(string region)
    {
        if (region.Length > 0)
        {
            regionVotes[region] = regionVotes.GetValueOrDefault(region) + 1;
        }
    }

    private void Vote(ReadOnlySpan<char> region)
    {
        if (region.Length == 0)
        {
            return;
        }

        // Looked up by span: an AZ's Region is not cut out of its name once per subnet.
        var votes = regionVotes.GetAlternateLookup<ReadOnlySpan<char>>();
        if (votes.TryGetValue(region, out var count))
        {
            votes[region] = count + 1;
        }
        else
        {
            regionVotes[region.ToString()] = 1;
        }
    }
}
