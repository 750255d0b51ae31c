
namespace FargateNetwork.Policies.Model;

/// <summary>An <c>aws:ec2/vpcEndpoint:VpcEndpoint</c> with its subnet and route-table associations.</summary>
public sealed class VpcEndpoint(StackResource resource)
{
    public StackResource Resource { get; } = resource;

    public Vpc? Vpc { get; internal set; }

    public RefKind VpcRef { get; internal set; }

    /// <summary>The VPC in any form (a VPC of the stack, an outside id, not known).</summary>
    public VpcKey VpcKey { get; internal set; }

    public Fact<string> ServiceName { get; internal set; }

    /// <summary>The part after the Region (<c>ecr.api</c>); null when the name is unknown or not an AWS service.</summary>
    public string? Service { get; internal set; }

    /// <summary><c>vpcEndpointType</c>: <c>Gateway</c> (the provider's default), <c>Interface</c>, ...</summary>
    public Fact<string> EndpointType { get; internal set; }

    /// <summary>
    /// <c>privateDnsEnabled</c>. Default <b>false</b> in the provider (the AWS console and API default to true for AWS
    /// services, the Pulumi/Terraform provider does not).
    /// </summary>
    public Fact<bool> PrivateDnsEnabled { get; internal set; }

    /// <summary>Subnets with an ENI of this endpoint (<c>subnetIds</c>, <c>subnetConfigurations</c>, subnet associations).</summary>
    public List<Subnet> Subnets { get; } = [];

    /// <summary>True when some subnet of the endpoint cannot be resolved to a subnet of the stack.</summary>
    public bool SubnetsUnknown { get; internal set; }

    public List<SecurityGroup> SecurityGroups { get; } = [];

    /// <summary>True when a security group of the endpoint is unknown or outside the stack.</summary>
    public bool SecurityGroupsUnknown { get; internal set; }

    /// <summary>Gateway endpoints: the route tables it adds its prefix-list route to.</summary>
    public List<RouteTable> RouteTables { get; } = [];

    public bool RouteTablesUnknown { get; internal set; }

    /// <summary><c>policy</c>: the endpoint policy document, if set.</summary>
    public Fact<string> Policy { get; internal set; }

    public bool IsInterface => EndpointType.Is(t => t.Equals("Interface", StringComparison.OrdinalIgnoreCase));

    public bool IsGateway => EndpointType.Is(t => t.Equals("Gateway", StringComparison.OrdinalIgnoreCase));

    public string Name => Resource.Name;
}
