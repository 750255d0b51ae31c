
namespace FargateNetwork.Policies.Model;

/// <summary>An <c>aws:ec2/vpc:Vpc</c>.</summary>
public sealed class Vpc(StackResource resource)
{
    public StackResource Resource { get; } = resource;

    /// <summary><c>cidrBlock</c>; unknown when allocated from IPAM.</summary>
    public Fact<Ipv4Cidr> CidrBlock { get; internal set; }

    /// <summary><c>enableDnsSupport</c>. Default true (AWS and the provider).</summary>
    public Fact<bool> EnableDnsSupport { get; internal set; }

    /// <summary><c>enableDnsHostnames</c>. Default false (the provider's default; AWS's default VPC has it on).</summary>
    public Fact<bool> EnableDnsHostnames { get; internal set; }

    /// <summary>
    /// The main route table when a <c>MainRouteTableAssociation</c> of the stack replaces it; null means
    /// <see cref="DefaultTable"/>.
    /// </summary>
    public RouteTable? MainRouteTable { get; internal set; }

    /// <summary>
    /// The table AWS created with the VPC (its <c>defaultRouteTableId</c>, also its first <c>mainRouteTableId</c>):
    /// the <c>DefaultRouteTable</c> resource that adopts it, or an implicit table holding the local route plus the
    /// routes the stack adds to it by id (<c>${vpc.defaultRouteTableId}</c>, or the literal <c>rtb-</c> id).
    /// </summary>
    public RouteTable? DefaultTable { get; internal set; }

    /// <summary>True when a main-route-table association exists but its table cannot be resolved.</summary>
    public bool MainRouteTableUnknown { get; internal set; }

    public List<Subnet> Subnets { get; } = [];

    public List<VpcEndpoint> Endpoints { get; } = [];

    public List<InternetGateway> InternetGateways { get; } = [];
}
