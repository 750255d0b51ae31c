using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Pack;

namespace FargateNetwork.Policies.Rules;

/// <summary>
/// <c>privatelink-nlb-covers-target-azs</c> [mandatory]: a VPC endpoint service's load balancer is an internal Network
/// Load Balancer that spans every AZ of its Fargate targets' subnets, and its target groups are of type <c>ip</c>
/// (awsvpc tasks register by IP). https://docs.aws.amazon.com/vpc/latest/privatelink/create-endpoint-service.html ;
/// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/nlb.html
/// </summary>
public sealed class PrivateLinkNlbCoversTargetAzs : NetworkPolicy
{
    public const string Id = "privatelink-nlb-covers-target-azs";

    public PrivateLinkNlbCoversTargetAzs()
        : base(
            Id,
            "PrivateLink NLB is internal, spans the target AZs, and targets IPs",
            "A VPC endpoint service's NLB is internal, has a subnet in every AZ of its Fargate targets' subnets, and its target groups have targetType ip.",
            EnforcementLevel.Mandatory,
            PolicySchema.Empty())
    {
    }

    public override IEnumerable<Finding> Check(PolicyContext context, PolicySettings settings)
    {
        foreach (var service in context.Model.EndpointServices)
        {
            foreach (var nlb in service.NetworkLoadBalancers)
            {
                if (nlb.LoadBalancerType.Is(t => !t.Equals("network", StringComparison.OrdinalIgnoreCase)))
                {
                    yield return new Finding(nlb.Resource, $"Load balancer {nlb.Name} of endpoint service {service.Name} has loadBalancerType {nlb.LoadBalancerType.Shown}; an endpoint service needs a Network Load Balancer. Fix: set loadBalancerType: network.");
                }

                if (nlb.Internal.Is(i => !i))
                {
                    yield return new Finding(nlb.Resource, $"Network Load Balancer {nlb.Name} behind endpoint service {service.Name} is internet-facing (internal false, the provider's default): the service is exposed outside PrivateLink. Fix: set internal: true.");
                }

                var nlbAzs = nlb.Subnets.Where(s => s.AvailabilityZone.IsKnown).Select(s => s.AvailabilityZone.Value).ToHashSet(StringComparer.Ordinal);
                var nlbAzsKnown = !nlb.SubnetsUnknown && nlb.Subnets.All(s => s.AvailabilityZone.IsKnown);
                foreach (var targetGroup in nlb.TargetGroups)
                {
                    if (targetGroup.Services.Count > 0 && targetGroup.TargetType.Is(t => !t.Equals("ip", StringComparison.OrdinalIgnoreCase)))
                    {
                        yield return new Finding(targetGroup.Resource, $"Target group {targetGroup.Name} of NLB {nlb.Name} has targetType {targetGroup.TargetType.Shown}, but awsvpc tasks ({string.Join(", ", targetGroup.Services.Select(s => s.Name))}) register by IP. Fix: set targetType: ip.");
                    }

                    if (!nlbAzsKnown)
                    {
                        continue;
                    }

                    foreach (var placement in targetGroup.Services)
                    {
                        var missing = placement.Subnets.Where(s => s.AvailabilityZone.IsKnown && !nlbAzs.Contains(s.AvailabilityZone.Value))
                            .Select(s => s.AvailabilityZone.Shown).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                        if (missing.Count > 0)
                        {
                            yield return new Finding(nlb.Resource, $"NLB {nlb.Name} behind endpoint service {service.Name} has no subnet in {string.Join(", ", missing)}, where the tasks of {placement.Name} run: consumers cannot reach those targets. Fix: add a subnet in each of those AZs to the NLB's subnets.");
                        }
                    }
                }
            }
        }
    }
}
