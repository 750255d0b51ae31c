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
    /// <summary>The resource options, when the input format carries them (the analyzer's <c>Analyze</c> call does).</summary>
    public ResourceOptions? Options { get; init; }

    /// <summary>The resource's provider, when the input format carries it.</summary>
    public ProviderResource? Provider { get; init; }

    /// <summary>
    /// The URNs of every resource this one depends on (explicit <c>dependsOn</c> and through its properties), when the
    /// input format lists them (the analyzer's <c>AnalyzeStack</c> and stack exports do).
    /// </summary>
    public IReadOnlyList<string>? Dependencies { get; init; }
}
