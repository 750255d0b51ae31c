using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Pack;
using FargateNetwork.Policies.Reachability;

namespace FargateNetwork.Policies.Rules;

/// <summary>
/// <c>endpoint-in-every-task-az</c> [advisory]: every AZ that runs tasks has a network interface of each interface
/// endpoint the tasks use; otherwise traffic crosses AZs (billed per GB each way) and one AZ's outage cuts the others.
/// An endpoint takes one subnet per AZ. https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html
/// </summary>
public sealed class EndpointInEveryTaskAz : NetworkPolicy
{
    public const string Id = "endpoint-in-every-task-az";

    public EndpointInEveryTaskAz()
        : base(
            Id,
            "Interface endpoints cover every task AZ",
            "Every AZ with task subnets has a network interface of each interface endpoint the tasks use (cross-AZ charges and an AZ single point of failure otherwise).",
            EnforcementLevel.Advisory,
            PolicySchema.Empty())
    {
    }

    public override IEnumerable<Finding> Check(PolicyContext context, PolicySettings settings)
    {
        var reported = new HashSet<(object, string)>();
        foreach (var (placement, subnet) in context.TaskSubnets)
        {
            var needs = context.NeedsOf(placement);
            for (var n = 0; n < needs.Count; n++) // by index: no enumerator boxed per subnet
            {
                var need = needs[n];
                var path = context.PathOf(placement, subnet, need);
                if (path is { CrossAz: true, Endpoint: { } endpoint } && reported.Add((endpoint, subnet.AvailabilityZone.Value)))
                {
                    yield return new Finding(
                        endpoint.Resource,
                        $"Interface endpoint {endpoint.Name} ({context.Describe(need)}) has no network interface in {subnet.AvailabilityZone.Shown}, where {placement.Name} runs tasks in subnet {subnet.Name}: traffic crosses AZs ($0.01/GB each way) and depends on another AZ. Fix: add a subnet in {subnet.AvailabilityZone.Shown} to the endpoint's subnetIds.");
                }
            }
        }
    }
}
