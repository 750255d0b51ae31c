namespace FargateNetwork.Policies.Cost;

/// <summary>The four network designs the cost comparison prices for one workload (issue 12, item 2).</summary>
public enum NetworkDesign
{
    /// <summary>(a) Private task subnets whose default route is a NAT gateway: image pulls and everything else through it (the trap of the NAT write-up).</summary>
    PrivateNatForEverything,

    /// <summary>(b) Public task subnets with public IPs; only the allow-listed partner CIDR routed to a NAT gateway in a separate public subnet (the write-up's fix).</summary>
    PublicTasksPartnerNat,

    /// <summary>(c) Private task subnets with the ecr.api, ecr.dkr and logs interface endpoints in every AZ and the S3 gateway endpoint; only the partner CIDR routed to a NAT gateway.</summary>
    PrivateEndpointsPartnerNat,

    /// <summary>(d) Private task subnets with the same endpoints and no NAT gateway: no path to the partner.</summary>
    PrivateEndpointsNoNat,
}

/// <summary>Letters, names and descriptions of <see cref="NetworkDesign"/>.</summary>
public static class NetworkDesigns
{
    public static IReadOnlyList<NetworkDesign> All { get; } = Enum.GetValues<NetworkDesign>();

    /// <summary>The design's letter in the issue and in every output: <c>a</c> to <c>d</c>.</summary>
    public static string Letter(NetworkDesign design) => design switch
    {
        NetworkDesign.PrivateNatForEverything => "a",
        NetworkDesign.PublicTasksPartnerNat => "b",
        NetworkDesign.PrivateEndpointsPartnerNat => "c",
        NetworkDesign.PrivateEndpointsNoNat => "d",
        _ => throw new ArgumentOutOfRangeException(nameof(design)),
    };

    /// <summary>A short title, e.g. for a chart legend.</summary>
    public static string Title(NetworkDesign design) => design switch
    {
        NetworkDesign.PrivateNatForEverything => "private subnets, NAT for everything",
        NetworkDesign.PublicTasksPartnerNat => "public task subnets, NAT for the partner only",
        NetworkDesign.PrivateEndpointsPartnerNat => "private subnets, endpoints, NAT for the partner only",
        NetworkDesign.PrivateEndpointsNoNat => "private subnets, endpoints, no NAT",
        _ => throw new ArgumentOutOfRangeException(nameof(design)),
    };

    /// <summary>What the design routes where.</summary>
    public static string Describe(NetworkDesign design) => design switch
    {
        NetworkDesign.PrivateNatForEverything => "tasks in private subnets whose default route is one NAT gateway: image layers, logs and partner traffic all pass through it",
        NetworkDesign.PublicTasksPartnerNat => "tasks in public subnets with public IPs: image layers and logs go through the internet gateway; only the partner CIDR is routed to one NAT gateway in a separate public subnet",
        NetworkDesign.PrivateEndpointsPartnerNat => "tasks in private subnets; ecr.api, ecr.dkr and logs interface endpoints in every task AZ, the S3 gateway endpoint for image layers; only the partner CIDR is routed to one NAT gateway",
        NetworkDesign.PrivateEndpointsNoNat => "tasks in private subnets with the same endpoints and no NAT gateway: AWS services only, the partner cannot be reached",
        _ => throw new ArgumentOutOfRangeException(nameof(design)),
    };

    /// <summary>Whether the design has a NAT gateway (and its Elastic IP).</summary>
    public static bool HasNat(NetworkDesign design) => design != NetworkDesign.PrivateEndpointsNoNat;

    /// <summary>Whether the design has interface endpoints.</summary>
    public static bool HasEndpoints(NetworkDesign design) => design is NetworkDesign.PrivateEndpointsPartnerNat or NetworkDesign.PrivateEndpointsNoNat;
}
