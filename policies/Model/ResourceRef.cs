
namespace FargateNetwork.Policies.Model;

/// <summary>What a property that names another resource resolves to.</summary>
public enum RefKind
{
    /// <summary>The property is not set.</summary>
    Absent,

    /// <summary>Not known yet (a preview's unknown, a reference to a resource outside the input).</summary>
    Unknown,

    /// <summary>A resource of this stack.</summary>
    Resource,

    /// <summary>A literal id or ARN of something outside the stack, such as <c>igw-0abc</c>.</summary>
    External,
}

/// <summary>The resolution of one reference: a stack resource, an outside id, unknown, or absent.</summary>
public readonly record struct ResourceRef(RefKind Kind, StackResource? Target, string? ExternalId)
{
    public static ResourceRef Absent => default;

    public static ResourceRef Unknown => new(RefKind.Unknown, null, null);

    public static ResourceRef To(StackResource target) => new(RefKind.Resource, target, null);

    public static ResourceRef Outside(string id) => new(RefKind.External, null, id);

    public bool IsUnknown => Kind == RefKind.Unknown;
}
