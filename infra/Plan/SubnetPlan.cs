namespace FargateNetwork.Infra;

/// <summary>
/// Derives every subnet CIDR from the VPC CIDR, deterministically, from the AZ's position in
/// <c>availabilityZones</c> (so adding an AZ at the end never moves an existing subnet). For a VPC of prefix /p:
/// <list type="bullet">
/// <item>task subnet of AZ i (i = 0..3): the i-th /(p+3) block, i.e. the first half of the VPC holds four task subnets
/// (10.0.0.0/16 → 10.0.0.0/19, 10.0.32.0/19, 10.0.64.0/19, 10.0.96.0/19);</item>
/// <item>public subnet of AZ i (NAT subnet in public-nat-egress, NAT/public subnet of private-endpoints with fixed
/// egress): the (8 + i)-th /(p+4) block, i.e. the third quarter (10.0.128.0/20, 10.0.144.0/20, ...);</item>
/// <item>the last quarter stays free for later use.</item>
/// </list>
/// A /24 VPC gives /27 task subnets and /28 public subnets; AWS's smallest subnet is /28
/// (https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html), so the VPC must be /24 or larger.
/// </summary>
internal static class SubnetPlan
{
    public const int MaxAvailabilityZones = 4;

    public const int SmallestVpcPrefix = 24;

    public static Ipv4Cidr TaskSubnet(Ipv4Cidr vpc, int azIndex) => vpc.Subnet(vpc.PrefixLength + 3, azIndex);

    public static Ipv4Cidr PublicSubnet(Ipv4Cidr vpc, int azIndex) => vpc.Subnet(vpc.PrefixLength + 4, 8 + azIndex);
}
