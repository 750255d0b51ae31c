namespace StackRules;

/// <summary>
/// One resource of a stack, normalised from any input format.
/// </summary>
/// <param name="Urn">The Pulumi URN, <c>urn:pulumi:stack::project::type::name</c>.</param>
/// <param name="Type">The type token, such as <c>aws:ec2/subnet:Subnet</c>.</param>
/// <param name="Name">The logical name.</param>
/// <param name="Inputs">The resource's input properties.</param>
/// <param name="Id">The provider id when known (stack export), else null.</param>
/// <param name="Parent">The parent's URN, if any.</param>
/// <param name="PropertyDependencies">Per input property, the URNs of the resources it depends on.</param>
/// <param name="Outputs">Output properties when known (stack export), else null.</param>
public sealed record StackResource(
    string Urn,
    string Type,
    string Name,
    ObjectValue Inputs,
    string? Id = null,
    string? Parent = null,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? PropertyDependencies = null,
    ObjectValue? Outputs = null)
{
    /// <summary>
    /// What a reader passes as the name of a resource whose name is its URN's tail (as Pulumi names resources): the
    /// name is then taken from the URN when first read, so a stack's names cost nothing until a message needs one.
    /// </summary>
    internal const string? NameOfUrn = null;

    private string? name = Name;

    /// <summary>Per thread, how many resources it has made (for <see cref="IdentityHash"/>).</summary>
    [ThreadStatic]
    private static uint madeOnThread;

    /// <summary>
    /// A hash of this object's identity, made when it is created (the thread and its count of resources made, mixed):
    /// what a table of resources keyed by identity hashes, where <c>RuntimeHelpers.GetHashCode</c> has to give each
    /// object a hash in its header on first use (a model indexes every resource of a stack once).
    /// </summary>
    internal int IdentityHash { get; } = (int)((++madeOnThread * 0x9E3779B9u) ^ ((uint)Environment.CurrentManagedThreadId * 0x85EBCA6Bu));

    /// <summary>
    /// The reference to this resource's id that a reader made when it linked one to it (<see cref="ReferenceValue.Target"/>),
    /// which its other references to this resource share; not part of the resource's value.
    /// </summary>
    internal ReferenceValue? IdReference { get; set; }

    /// <summary>The logical name.</summary>
    public string Name
    {
        get => name ??= StackRules.Urn.Name(Urn);
        init => name = value;
    }

    /// <summary>The resource options, when the input format carries them (the analyzer's <c>Analyze</c> call does).</summary>
    public ResourceOptions? Options { get; init; }

    /// <summary>The resource's provider, when the input format carries it.</summary>
    public ProviderResource? Provider { get; init; }

    /// <summary>
    /// The URNs of every resource this one depends on (explicit <c>dependsOn</c> and through its properties), when the
    /// input format lists them (the analyzer's <c>AnalyzeStack</c> and stack exports do).
    /// </summary>
    public IReadOnlyList<string>? Dependencies { get; init; }

    /// <summary>Whether <paramref name="other"/> is the same resource: every property equal (a name taken from the URN equals the same name given).</summary>
    /// <param name="other">The other resource.</param>
    public bool Equals(StackResource? other) =>
        ReferenceEquals(this, other)
        || (other is not null
            && string.Equals(Urn, other.Urn, StringComparison.Ordinal)
            && string.Equals(Type, other.Type, StringComparison.Ordinal)
            && string.Equals(Name, other.Name, StringComparison.Ordinal)
            && Equals(Inputs, other.Inputs)
            && string.Equals(Id, other.Id, StringComparison.Ordinal)
            && string.Equals(Parent, other.Parent, StringComparison.Ordinal)
            && Equals(PropertyDependencies, other.PropertyDependencies)
            && Equals(Outputs, other.Outputs)
            && Equals(Options, other.Options)
            && Equals(Provider, other.Provider)
            && Equals(Dependencies, other.Dependencies));

    /// <inheritdoc/>
    public override int GetHashCode() =>
        HashCode.Combine(HashCode.Combine(Urn, Type, Name, Inputs, Id, Parent, PropertyDependencies, Outputs), Options, Provider, Dependencies);
}
