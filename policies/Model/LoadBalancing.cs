using FargateNetwork.Policies.Stack;

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

/// <summary>An <c>aws:lb/targetGroup:TargetGroup</c>.</summary>
public sealed class TargetGroup(StackResource resource)
{
    public StackResource Resource { get; } = resource;

    /// <summary><c>targetType</c>: <c>instance</c> (default), <c>ip</c>, <c>lambda</c>, <c>alb</c>.</summary>
    public Fact<string> TargetType { get; internal set; }

    /// <summary>Services that register tasks in it.</summary>
    public List<TaskPlacement> Services { get; } = [];

    public string Name => Resource.Name;
}

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

/// <summary>An <c>aws:cloudwatch/logGroup:LogGroup</c>.</summary>
public sealed record LogGroup(StackResource Resource, Fact<string> Name, bool HasNamePrefix);
