
namespace FargateNetwork.Policies.Model;

/// <summary>An <c>aws:lb/loadBalancer:LoadBalancer</c> (or its <c>aws:alb</c> alias).</summary>
public sealed class LoadBalancer(StackResource resource)
{
    public StackResource Resource { get; } = resource;

    /// <summary><c>internal</c>. Default false (internet-facing).</summary>
    public Fact<bool> Internal { get; internal set; }

    /// <summary><c>loadBalancerType</c>: <c>application</c> (default), <c>network</c>, <c>gateway</c>.</summary>
    public Fact<string> LoadBalancerType { get; internal set; }

    /// <summary>Subnets from <c>subnets</c> and <c>subnetMappings[].subnetId</c>.</summary>
    public List<Subnet> Subnets { get; } = [];

    public bool SubnetsUnknown { get; internal set; }

    /// <summary>Target groups its listeners forward to.</summary>
    public List<TargetGroup> TargetGroups { get; } = [];

    public string Name => Resource.Name;
}
