namespace StackRules;

/// <summary>A resource's options as Pulumi's analyzer protocol sends them (<c>AnalyzerResourceOptions</c>).</summary>
/// <param name="Protect">The resource is protected from deletion.</param>
/// <param name="IgnoreChanges">Input properties whose changes are ignored.</param>
/// <param name="DeleteBeforeReplace">Replacements delete the old resource first.</param>
/// <param name="AdditionalSecretOutputs">Outputs made secret in addition to the provider's.</param>
/// <param name="Aliases">Former URNs of the resource.</param>
/// <param name="DependsOn">URNs of explicit dependencies (<c>dependsOn</c>).</param>
public sealed record ResourceOptions(
    bool Protect,
    IReadOnlyList<string> IgnoreChanges,
    bool DeleteBeforeReplace,
    IReadOnlyList<string> AdditionalSecretOutputs,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> DependsOn)
{
    /// <summary>No options set.</summary>
    public static readonly ResourceOptions None = new(false, [], false, [], [], []);
}

/// <summary>The provider of a resource (Pulumi's <c>AnalyzerProviderResource</c>).</summary>
/// <param name="Type">The provider's type token, such as <c>pulumi:providers:aws</c>.</param>
/// <param name="Name">Its logical name.</param>
/// <param name="Urn">Its URN.</param>
/// <param name="Properties">Its inputs (the provider's config: region, profile...), secrets kept.</param>
public sealed record ProviderResource(string Type, string Name, string Urn, ObjectValue Properties);
