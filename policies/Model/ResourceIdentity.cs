namespace FargateNetwork.Policies.Model;

/// <summary>
/// Resources compared by identity, hashed by the hash each resource got when it was made
/// (<c>StackResource.IdentityHash</c>): the model's indexes from resource to model object.
/// </summary>
internal sealed class ResourceIdentity : IEqualityComparer<StackResource>
{
    public static readonly ResourceIdentity Instance = new();

    public bool Equals(StackResource? x, StackResource? y) => ReferenceEquals(x, y);

    public int GetHashCode(StackResource obj) => obj.IdentityHash;
}
