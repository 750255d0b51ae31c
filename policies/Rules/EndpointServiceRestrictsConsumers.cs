using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Pack;

namespace FargateNetwork.Policies.Rules;

/// <summary>
/// <c>endpoint-service-restricts-consumers</c> [mandatory]: an endpoint service requires acceptance or names its allowed
/// principals, and never allows <c>*</c> (every AWS account). https://docs.aws.amazon.com/vpc/latest/privatelink/configure-endpoint-service.html
/// </summary>
public sealed class EndpointServiceRestrictsConsumers : IPolicy
{
    public const string Name = "endpoint-service-restricts-consumers";

    public PolicyInfo Info { get; } = new(
        Name,
        "Endpoint services restrict their consumers",
        "A VPC endpoint service has acceptanceRequired true or names allowed principals, and never allows the principal *.",
        EnforcementLevel.Mandatory,
        PolicyScope.Stack,
        PolicySchema.Empty());

    public IEnumerable<Finding> Check(PolicyContext context, PolicySettings settings)
    {
        foreach (var service in context.Model.EndpointServices)
        {
            if (service.AllowedPrincipals.Any(p => p.Is(v => v.Trim() == "*")))
            {
                yield return new Finding(service.Resource, $"Endpoint service {service.Name} allows the principal \"*\": every AWS account can connect{(service.AcceptanceRequired.Is(a => !a) ? ", and without acceptance the service is effectively public" : string.Empty)}. Fix: list the consumer accounts' ARNs (arn:aws:iam::ACCOUNT:root) instead.");
            }
            else if (service.AcceptanceRequired.Is(a => !a) && service.AllowedPrincipals.Count == 0 && !service.AllowedPrincipalsUnknown)
            {
                yield return new Finding(service.Resource, $"Endpoint service {service.Name} has acceptanceRequired false and names no allowed principals. Fix: set acceptanceRequired: true, or list the consumer accounts in allowedPrincipals.");
            }
        }
    }
}
