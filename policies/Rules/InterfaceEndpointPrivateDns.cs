using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Model;
using FargateNetwork.Policies.Pack;
using FargateNetwork.Policies.Reachability;

namespace FargateNetwork.Policies.Rules;

/// <summary>
/// <c>interface-endpoint-private-dns</c> [mandatory]: interface endpoints that tasks rely on have private DNS on, and
/// their VPC has DNS support and DNS hostnames on. The provider's <c>privateDnsEnabled</c> defaults to false and
/// <c>enableDnsHostnames</c> to false; without them the agent's calls to the default service names
/// (<c>api.ecr.REGION.amazonaws.com</c>) go to public addresses.
/// https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html (DNS attributes) ;
/// https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html (ecr.dkr must have private DNS).
/// </summary>
public sealed class InterfaceEndpointPrivateDns : IPolicy
{
    public const string Name = "interface-endpoint-private-dns";

    public PolicyInfo Info { get; } = new(
        Name,
        "Interface endpoints used by tasks resolve privately",
        "Interface endpoints that tasks rely on have privateDnsEnabled true, and their VPC has enableDnsSupport and enableDnsHostnames true.",
        EnforcementLevel.Mandatory,
        PolicyScope.Stack,
        PolicySchema.Empty());

    public IEnumerable<Finding> Check(PolicyContext context, PolicySettings settings)
    {
        var reported = new HashSet<(object, string)>();
        foreach (var (placement, subnet) in context.TaskSubnets)
        {
            if (subnet.Vpc is not { } vpc)
            {
                continue;
            }

            foreach (var need in TaskNeeds.Of(placement, "LATEST"))
            {
                foreach (var endpoint in context.Reachability.InterfaceEndpoints(vpc, need.Service))
                {
                    if (endpoint.PrivateDnsEnabled.Is(on => !on) && reported.Add((endpoint, "dns")))
                    {
                        yield return new Finding(
                            endpoint.Resource,
                            $"Interface endpoint {endpoint.Name} ({context.Model.ServiceName(need.Service)}) is used by the tasks of {placement.Name} but has privateDnsEnabled false (the provider's default), so the service's default name resolves to public addresses and the task fails with \"{need.Error}\" when there is no NAT. Fix: set privateDnsEnabled: true.");
                    }
                }
            }

            var usesInterfaceEndpoints = TaskNeeds.Of(placement, "LATEST").Any(n => n.Service != Destination.S3 && context.Reachability.InterfaceEndpoints(vpc, n.Service).Count > 0);
            if (!usesInterfaceEndpoints)
            {
                continue;
            }

            if (vpc.EnableDnsSupport.Is(on => !on) && reported.Add((vpc, "support")))
            {
                yield return new Finding(vpc.Resource, $"VPC {vpc.Resource.Name} has enableDnsSupport false, but the tasks of {placement.Name} rely on its interface endpoints: nothing resolves (ResourceInitializationError). Fix: set enableDnsSupport: true.");
            }

            if (vpc.EnableDnsHostnames.Is(on => !on) && reported.Add((vpc, "hostnames")))
            {
                yield return new Finding(vpc.Resource, $"VPC {vpc.Resource.Name} has enableDnsHostnames false (the provider's default), but the tasks of {placement.Name} rely on its interface endpoints, whose private DNS needs it. Fix: set enableDnsHostnames: true.");
            }
        }
    }
}
