using FargateNetwork.Policies.Stack;

namespace FargateNetwork.Policies.Model;

/// <summary>An <c>aws:ec2/vpc:Vpc</c>.</summary>
public sealed class Vpc(StackResource resource)
{
    public StackResource Resource { get; } = resource;

    /// <summary><c>cidrBlock</c>; unknown when allocated from IPAM.</summary>
    public Fact<Cidr> CidrBlock { get; internal set; }

    /// <summary><c>enableDnsSupport</c>. Default true (AWS and the provider).</summary>
    public Fact<bool> EnableDnsSupport { get; internal set; }

    /// <summary><c>enableDnsHostnames</c>. Default false (the provider's default; AWS's default VPC has it on).</summary>
    public Fact<bool> EnableDnsHostnames { get; internal set; }

    /// <summary>
    /// The main route table: set by a <c>MainRouteTableAssociation</c> or a <c>DefaultRouteTable</c> in the stack.
    /// Null means the VPC's own default main table, which AWS creates with only the local route.
    /// </summary>
    public RouteTable? MainRouteTable { get; internal set; }

    /// <summary>True when a main-route-table association exists but its table cannot be resolved.</summary>
    public bool MainRouteTableUnknown { get; internal set; }

    public List<Subnet> Subnets { get; } = [];

    public List<VpcEndpoint> Endpoints { get; } = [];

    public List<InternetGateway> InternetGateways { get; } = [];
}
