using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Pack;
using FargateNetwork.Policies.Reachability;

namespace FargateNetwork.Policies.Rules;

/// <summary>
/// <c>endpoint-security-group-allows-https</c> [mandatory]: an interface endpoint's security groups admit TCP 443 from
/// every task subnet or task security group that relies on it. With private DNS on, the service name resolves to the
/// endpoint whatever the routes, so a closed group breaks the task even in a subnet with a NAT.
/// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/vpc-endpoints.html (inbound HTTPS from the subnets)
/// The other side of the same connection is checked too: a task security group that lets no TCP 443 out to the
/// endpoint (the provider drops AWS's default allow-all egress rule) is reported on the service.
/// </summary>
public sealed class EndpointSecurityGroupAllowsHttps : NetworkPolicy
{
    public const string Id = "endpoint-security-group-allows-https";

    public EndpointSecurityGroupAllowsHttps()
        : base(
            Id,
            "Endpoint security groups admit HTTPS from the tasks",
            "The security groups of each interface endpoint tasks rely on admit TCP 443 from the task subnet's CIDR or the task security groups, and the task security groups let TCP 443 out to the endpoint.",
            EnforcementLevel.Mandatory,
            PolicySchema.Empty())
    {
    }

    public override IEnumerable<Finding> Check(PolicyContext context, PolicySettings settings)
    {
        var reported = new HashSet<(object, object)>();
        foreach (var (placement, subnet) in context.TaskSubnets)
        {
            var needs = context.NeedsOf(placement);
            for (var n = 0; n < needs.Count; n++) // by index: no enumerator boxed per subnet
            {
                var need = needs[n];
                var path = context.PathOf(placement, subnet, need);
                if (path.Reason == NoPathReason.SecurityGroupClosed && path.Endpoint is { } endpoint && reported.Add((endpoint, subnet)))
                {
                    yield return new Finding(
                        endpoint.Resource,
                        $"{path.Detail}; the tasks of {placement.Name} would fail with \"{need.Error}\". Fix: add an ingress rule for TCP 443 from the task security group or from {subnet.CidrBlock} to the endpoint's security group.");
                }
                else if (path.Reason == NoPathReason.TaskEgressClosed && path.Endpoint is { IsInterface: true } target && reported.Add((placement, target)))
                {
                    yield return new Finding(
                        placement.Resource,
                        $"Tasks of {placement.Name} in {(subnet.IsOutside ? subnet.Name : "subnet " + subnet.Name)}: {path.Detail}; they would fail with \"{need.Error}\". Fix: add an egress rule for TCP 443 to the endpoint's security group or subnets (or to 0.0.0.0/0) on the task security group.");
                }
            }
        }
    }
}
