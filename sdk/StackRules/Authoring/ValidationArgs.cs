namespace StackRules;

/// <summary>What a resource policy sees of one resource (Pulumi's <c>ResourceValidationArgs</c>).</summary>
public sealed class ResourceValidationArgs
{
    private readonly EvaluationScope scope;

    internal ResourceValidationArgs(StackResource resource, PolicySettings config, EvaluationScope scope)
    {
        Resource = resource;
        Config = config;
        this.scope = scope;
    }

    /// <summary>The resource: URN, type, name, inputs, and what the input format knows besides (id, parent, outputs).</summary>
    public StackResource Resource { get; }

    /// <summary>The type token, such as <c>aws:ec2/vpc:Vpc</c>.</summary>
    public string Type => Resource.Type;

    /// <summary>The logical name.</summary>
    public string Name => Resource.Name;

    /// <summary>The URN.</summary>
    public string Urn => Resource.Urn;

    /// <summary>Typed reads of the resource's inputs, with unknown and secret values explicit.</summary>
    public PropertyMap Props => new(Resource.Inputs);

    /// <summary>The resource options (protect, ignoreChanges, provider...) when the input format carries them.</summary>
    public ResourceOptions Options => Resource.Options ?? ResourceOptions.None;

    /// <summary>The resource's provider, when the input format carries it.</summary>
    public ProviderResource? Provider => Resource.Provider;

    /// <summary>This policy's config: its level and properties (schema defaults, then the pack's config).</summary>
    public PolicySettings Config { get; }

    /// <summary>An extension computed once per evaluation and shared by every policy that asks (see <see cref="StackExtension{T}"/>).</summary>
    public T Use<T>(StackExtension<T> extension)
        where T : class => scope.Use(extension);
}

/// <summary>What a stack policy sees (Pulumi's <c>StackValidationArgs</c>).</summary>
public sealed class StackValidationArgs
{
    private readonly EvaluationScope scope;

    internal StackValidationArgs(PolicySettings config, EvaluationScope scope)
    {
        Config = config;
        this.scope = scope;
    }

    /// <summary>Every resource of the stack, in the order of the input, with properties, parent and dependencies.</summary>
    public IReadOnlyList<StackResource> Resources => scope.Resources;

    /// <summary>This policy's config: its level and properties.</summary>
    public PolicySettings Config { get; }

    /// <summary>The resource with <paramref name="urn"/>, or null.</summary>
    public StackResource? Find(string urn) => scope.Find(urn);

    /// <summary>The parent of <paramref name="resource"/>, or null.</summary>
    public StackResource? ParentOf(StackResource resource) => resource.Parent is { } parent ? scope.Find(parent) : null;

    /// <summary>The resources <paramref name="resource"/> depends on through its properties (and its explicit dependencies).</summary>
    public IEnumerable<StackResource> DependenciesOf(StackResource resource) =>
        (resource.PropertyDependencies?.Values.SelectMany(u => u) ?? [])
            .Concat(resource.Options?.DependsOn ?? [])
            .Concat(resource.Dependencies ?? [])
            .Distinct(StringComparer.Ordinal)
            .Select(scope.Find)
            .OfType<StackResource>();

    /// <summary>An extension computed once per evaluation and shared by every policy that asks (see <see cref="StackExtension{T}"/>).</summary>
    public T Use<T>(StackExtension<T> extension)
        where T : class => scope.Use(extension);
}
