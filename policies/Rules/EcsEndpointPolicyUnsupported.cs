using FargateNetwork.Policies.Pack;
using FargateNetwork.Policies.Reachability;

namespace FargateNetwork.Policies.Rules;

/// <summary>
/// <c>ecs-endpoint-policy-unsupported</c> [advisory]: no endpoint policy on the ecs, ecs-agent or ecs-telemetry
/// interface endpoints: Amazon ECS does not support VPC endpoint policies, so the policy gives a false sense of control.
/// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/vpc-endpoints.html (considerations)
/// </summary>
public sealed class EcsEndpointPolicyUnsupported : IPolicy
{
    public const string Name = "ecs-endpoint-policy-unsupported";

    public PolicyInfo Info { get; } = new(
        Name,
        "No endpoint policy on ECS endpoints",
        "The ecs, ecs-agent and ecs-telemetry interface endpoints carry no endpoint policy (Amazon ECS ignores it).",
        EnforcementLevel.Advisory,
        PolicyScope.Resource,
        PolicySchema.Empty());

    public IEnumerable<Finding> Check(PolicyContext context, PolicySettings settings)
    {
        foreach (var endpoint in context.Model.Endpoints)
        {
            if (endpoint.Service is Destination.Ecs or Destination.EcsAgent or Destination.EcsTelemetry
                && endpoint.Policy.Is(p => !string.IsNullOrWhiteSpace(p)))
            {
                yield return new Finding(endpoint.Resource, $"Endpoint {endpoint.Name} ({endpoint.ServiceName.Value}) has an endpoint policy, which Amazon ECS does not support: it restricts nothing. Fix: remove the policy and control access with IAM.");
            }
        }
    }
}
