
namespace FargateNetwork.Policies.Model;

/// <summary>An <c>aws:ec2/natGateway:NatGateway</c>.</summary>
public sealed class NatGateway(StackResource resource)
{
    public StackResource Resource { get; } = resource;

    /// <summary>The subnet it sits in (zonal NAT); null when outside the stack, unknown or regional.</summary>
    public Subnet? Subnet { get; internal set; }

    /// <summary>How <c>subnetId</c> resolved.</summary>
    public RefKind SubnetRef { get; internal set; }

    /// <summary><c>connectivityType</c>: <c>public</c> (default) or <c>private</c>. A private NAT has no internet path.</summary>
    public Fact<string> ConnectivityType { get; internal set; }

    /// <summary><c>availabilityMode</c>: <c>zonal</c> (default) or <c>regional</c> (no subnet; AWS routes it to the IGW).</summary>
    public Fact<string> AvailabilityMode { get; internal set; }

    /// <summary><c>allocationId</c>: the Elastic IP of a public NAT.</summary>
    public ResourceRef AllocationId { get; internal set; }

    /// <summary>The Elastic IP's public address when known (stack export).</summary>
    public Fact<string> PublicIp { get; internal set; }

    /// <summary>
    /// A regional NAT gateway's <c>availabilityZoneAddresses</c> (manual mode: the Elastic IPs are listed). Absent
    /// means automatic mode: AWS adds addresses as it expands to new AZs, so the egress addresses are not fixed.
    /// </summary>
    public Fact<bool> HasZoneAddresses { get; internal set; }

    public bool IsPrivate => ConnectivityType.Is(t => t.Equals("private", StringComparison.OrdinalIgnoreCase));

    public bool IsRegional => AvailabilityMode.Is(m => m.Equals("regional", StringComparison.OrdinalIgnoreCase));

    public string Name => Resource.Name;
}
