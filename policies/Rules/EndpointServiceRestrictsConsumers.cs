using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Pack;

namespace FargateNetwork.Policies.Rules;

/// <summary>
/// <c>endpoint-service-restricts-consumers</c> [mandatory]: an endpoint service never allows <c>*</c> (every AWS
/// account: "If you grant permissions to all principals, the service is public").
/// A service with no allowed principals is available to nobody until permissions are added, even with
/// <c>acceptanceRequired</c> false: that is closed; that case is reported only as advisory (no consumer can connect).
/// https://docs.aws.amazon.com/vpc/latest/privatelink/configure-endpoint-service.html ;
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyVpcEndpointServicePermissions.html
/// </summary>
public sealed class EndpointServiceRestrictsConsumers : NetworkPolicy
{
    public const string Id = "endpoint-service-restricts-consumers";

    public EndpointServiceRestrictsConsumers()
        : base(
            Id,
            "Endpoint services restrict their consumers",
            "A VPC endpoint service never allows the principal * (every AWS account); one with no allowed principals is closed and reported as advisory.",
            EnforcementLevel.Mandatory,
            PolicySchema.Empty())
    {
    }

    public override IEnumerable<Finding> Check(PolicyContext context, PolicySettings settings)
    {
        foreach (var service in context.Model.EndpointServices)
        {
            if (service.AllowedPrincipals.Any(p => p.Is(v => v.Trim() == "*")))
            {
                yield return new Finding(service.Resource, $"Endpoint service {service.Name} allows the principal \"*\": every AWS account can connect{(service.AcceptanceRequired.Is(a => !a) ? ", and without acceptance the service is effectively public" : string.Empty)}. Fix: list the consumer accounts' ARNs (arn:aws:iam::ACCOUNT:root) instead.");
            }
            else if (service.AcceptanceRequired.Is(a => !a) && service.AllowedPrincipals.Count == 0 && !service.AllowedPrincipalsUnknown)
            {
                yield return new Finding(
                    service.Resource,
                    $"Endpoint service {service.Name} names no allowed principals: it is closed, and no consumer can connect until permissions are added. Fix: list the consumer accounts' ARNs (arn:aws:iam::ACCOUNT:root) in allowedPrincipals or a VpcEndpointServiceAllowedPrinciple.",
                    AdvisoryOnly: true);
            }
        }
    }
}
