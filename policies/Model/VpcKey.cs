namespace FargateNetwork.Policies.Model;

/// <summary>
/// Which VPC a resource is in, whatever form names it: a VPC of the stack, a literal id of a VPC outside the stack
/// (<c>vpc-0abc</c>, from config or a looked-up VPC in a stack export or preview), or a VPC not known yet (a template
/// whose VPC comes from an invoke). Two resources are taken to share a VPC when their keys are equal; the keys of
/// VPCs not known yet are equal, which assumes a stack that looks up its VPC runs in one (docs/policies.md, limits).
/// </summary>
public readonly record struct VpcKey(Vpc? Vpc, string? OutsideId, bool Known)
{
    public static VpcKey NotKnown => new(null, null, false);

    public static VpcKey Of(Vpc vpc) => new(vpc, null, true);

    public static VpcKey Outside(string id) => new(null, id, true);

    /// <summary>No value at all: the resource names no VPC (the provider's default VPC).</summary>
    public static VpcKey None => default;

    public override string ToString() => Vpc?.Resource.Name ?? OutsideId ?? "(VPC not known yet)";
}
