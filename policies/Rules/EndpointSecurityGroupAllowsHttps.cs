using FargateNetwork.Policies.Pack;
using FargateNetwork.Policies.Reachability;

namespace FargateNetwork.Policies.Rules;

/// <summary>
/// <c>endpoint-security-group-allows-https</c> [mandatory]: an interface endpoint's security groups admit TCP 443 from
/// every task subnet or task security group that relies on it. With private DNS on, the service name resolves to the
/// endpoint whatever the routes, so a closed group breaks the task even in a subnet with a NAT.
/// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/vpc-endpoints.html (inbound HTTPS from the subnets)
/// </summary>
public sealed class EndpointSecurityGroupAllowsHttps : IPolicy
{
    public const string Name = "endpoint-security-group-allows-https";

    public PolicyInfo Info { get; } = new(
        Name,
        "Endpoint security groups admit HTTPS from the tasks",
        "The security groups of each interface endpoint tasks rely on admit TCP 443 from the task subnet's CIDR or the task security groups.",
        EnforcementLevel.Mandatory,
        PolicyScope.Stack,
        PolicySchema.Empty());

    public IEnumerable<Finding> Check(PolicyContext context, PolicySettings settings)
    {
        var reported = new HashSet<(object, object)>();
        foreach (var (placement, subnet) in context.TaskSubnets)
        {
            foreach (var need in TaskNeeds.Of(placement, "LATEST"))
            {
                var path = context.Reachability.Find(placement, subnet, Destination.ForService(need.Service));
                if (path.Reason == NoPathReason.SecurityGroupClosed && path.Endpoint is { } endpoint && reported.Add((endpoint, subnet)))
                {
                    yield return new Finding(
                        endpoint.Resource,
                        $"{path.Detail}; the tasks of {placement.Name} would fail with \"{need.Error}\". Fix: add an ingress rule for TCP 443 from the task security group or from {subnet.CidrBlock} to the endpoint's security group.");
                }
            }
        }
    }
}
