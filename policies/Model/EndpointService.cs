
namespace FargateNetwork.Policies.Model;

/// <summary>An <c>aws:ec2/vpcEndpointService:VpcEndpointService</c> (PrivateLink provider side).</summary>
public sealed class EndpointService(StackResource resource)
{
    public StackResource Resource { get; } = resource;

    /// <summary><c>acceptanceRequired</c> (required input).</summary>
    public Fact<bool> AcceptanceRequired { get; internal set; }

    /// <summary><c>allowedPrincipals</c> plus <c>VpcEndpointServiceAllowedPrinciple.principalArn</c>.</summary>
    public List<Fact<string>> AllowedPrincipals { get; } = [];

    public bool AllowedPrincipalsUnknown { get; internal set; }

    /// <summary>Network load balancers of <c>networkLoadBalancerArns</c>.</summary>
    public List<LoadBalancer> NetworkLoadBalancers { get; } = [];

    public string Name => Resource.Name;
}
