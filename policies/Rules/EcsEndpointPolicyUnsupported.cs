using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Pack;
using FargateNetwork.Policies.Reachability;

namespace FargateNetwork.Policies.Rules;

/// <summary>
/// <c>ecs-endpoint-policy-unsupported</c> [advisory]: no endpoint policy on the ecs-agent and ecs-telemetry interface
/// endpoints. The ECS guide documents endpoint policies for the <c>ecs</c> endpoint only, with ECS API actions
/// (<c>ecs:CreateCluster</c>...; https://docs.aws.amazon.com/AmazonECS/latest/developerguide/vpc-endpoints.html,
/// "Creating a VPC endpoint policy for Amazon ECS"); the agent and telemetry endpoints carry the container agent's
/// own channels, which no documented policy governs, so a policy there gives a false sense of control. The <c>ecs</c>
/// endpoint is therefore not reported (the wording included it; the AWS text contradicts that).
/// </summary>
public sealed class EcsEndpointPolicyUnsupported : NetworkResourcePolicy
{
    public const string Id = "ecs-endpoint-policy-unsupported";

    public EcsEndpointPolicyUnsupported()
        : base(
            Id,
            "No endpoint policy on ECS endpoints",
            "The ecs-agent and ecs-telemetry interface endpoints carry no endpoint policy (ECS documents endpoint policies for the ecs API endpoint only).",
            EnforcementLevel.Advisory,
            PolicySchema.Empty())
    {
    }

    public override IEnumerable<Finding> Check(PolicyContext context, PolicySettings settings)
    {
        foreach (var endpoint in context.Model.Endpoints)
        {
            if (endpoint.Service is Destination.EcsAgent or Destination.EcsTelemetry
                && endpoint.Policy.Is(p => !string.IsNullOrWhiteSpace(p)))
            {
                yield return new Finding(endpoint.Resource, $"Endpoint {endpoint.Name} ({endpoint.ServiceName.Shown}) has an endpoint policy, but ECS documents endpoint policies only for the ecs API endpoint: do not rely on it to restrict the container agent. Fix: remove the policy and control access with the instance role's IAM permissions.");
            }
        }
    }
}
