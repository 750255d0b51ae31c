
namespace FargateNetwork.Policies.Model;

/// <summary>An <c>aws:ec2/subnet:Subnet</c>.</summary>
public sealed class Subnet(StackResource resource)
{
    public StackResource Resource { get; } = resource;

    /// <summary>The VPC, when it is in the stack.</summary>
    public Vpc? Vpc { get; internal set; }

    /// <summary>The VPC in any form (a VPC of the stack, an outside id, not known).</summary>
    public VpcKey VpcKey { get; internal set; }

    /// <summary>
    /// True for the stand-in of task subnets outside the stack (ids from config, invokes, literal <c>subnet-</c> ids):
    /// its routes are unknown, its VPC is the task security groups' VPC.
    /// </summary>
    public bool IsOutside { get; internal set; }

    public Fact<Ipv4Cidr> CidrBlock { get; internal set; }

    /// <summary><c>availabilityZone</c> (or <c>availabilityZoneId</c> when only that is set).</summary>
    public Fact<string> AvailabilityZone { get; internal set; }

    /// <summary><c>mapPublicIpOnLaunch</c>. Default false. Fargate ignores it; <c>assignPublicIp</c> decides.</summary>
    public Fact<bool> MapPublicIpOnLaunch { get; internal set; }

    /// <summary>The route table explicitly associated by a <c>RouteTableAssociation</c>, if any.</summary>
    public RouteTable? AssociatedRouteTable { get; internal set; }

    /// <summary>True when an association may name this subnet but its subnet or table is unknown.</summary>
    public bool AssociationUnknown { get; internal set; }

    public string Name => Resource.Name;
}
