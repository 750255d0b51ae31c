
namespace FargateNetwork.Policies.Model;

/// <summary>
/// The stack's resources indexed for O(1) lookup by URN, by provider id and by ARN, and the resolution of a
/// property that names another resource: a <see cref="ReferenceValue"/> (templates, previews), or a literal id or ARN
/// (stack exports). An unknown stays unknown.
/// </summary>
public sealed class ResourceGraph
{
    private readonly Func<string, StackResource?> byUrn;
    private readonly Func<ReferenceValue, StackResource?> byReference;
    private readonly Func<string, IReadOnlyList<StackResource>> ofType;

    // Made on the first literal id or ARN resolved: a preview names resources by reference, and reading every
    // resource's id and ARNs up front cost a third of the graph's time at 10,000 resources (each resource's first
    // touch after decoding is a cache miss). The model's side steps resolve on another thread: two threads may both
    // make it, and the first one stored is the one kept.
    private Dictionary<string, StackResource>? byId;

    public ResourceGraph(IReadOnlyList<StackResource> resources)
        : this(resources, IndexByUrn(resources), null, IndexByType(resources))
    {
    }

    /// <summary>
    /// A graph over <paramref name="resources"/> that finds them by URN with <paramref name="byUrn"/>, the target of a
    /// reference with <paramref name="byReference"/> (by its URN when null), and by canonical type with
    /// <paramref name="ofType"/> (an evaluation's indexes).
    /// </summary>
    internal ResourceGraph(
        IReadOnlyList<StackResource> resources,
        Func<string, StackResource?> byUrn,
        Func<ReferenceValue, StackResource?>? byReference,
        Func<string, IReadOnlyList<StackResource>> ofType)
    {
        Resources = resources;
        this.byUrn = byUrn;
        this.byReference = byReference ?? (reference => byUrn(reference.TargetUrn));
        this.ofType = ofType;
    }

    public IReadOnlyList<StackResource> Resources { get; }

    /// <summary>Each resource by its provider id and by its ARNs, the first resource of each.</summary>
    private static Dictionary<string, StackResource> IndexById(IReadOnlyList<StackResource> resources)
    {
        var index = new Dictionary<string, StackResource>(StringComparer.Ordinal);
        foreach (var resource in resources)
        {
            if (!string.IsNullOrEmpty(resource.Id))
            {
                index.TryAdd(resource.Id, resource);
            }

            // ARNs (and a task definition's ARN without revision) name resources in other resources' inputs.
            foreach (var key in (ReadOnlySpan<string>)["arn", "arnWithoutRevision"])
            {
                if (resource.Outputs?.Properties.TryGetValue(key, out var arn) == true && ResourceProperties.Unwrap(arn) is StringValue s)
                {
                    index.TryAdd(s.Value, resource);
                }
            }
        }

        return index;
    }

    /// <summary>The resources of each canonical type, in order.</summary>
    private static Func<string, IReadOnlyList<StackResource>> IndexByType(IReadOnlyList<StackResource> resources)
    {
        var index = new Dictionary<string, List<StackResource>>(StringComparer.Ordinal);
        foreach (var resource in resources)
        {
            var type = CanonicalType(resource.Type);
            if (!index.TryGetValue(type, out var list))
            {
                index[type] = list = [];
            }

            list.Add(resource);
        }

        return type => index.TryGetValue(type, out var list) ? list : [];
    }

    /// <summary>The first resource of each URN.</summary>
    private static Func<string, StackResource?> IndexByUrn(IReadOnlyList<StackResource> resources)
    {
        var index = new Dictionary<string, StackResource>(resources.Count, StringComparer.Ordinal);
        foreach (var resource in resources)
        {
            index.TryAdd(resource.Urn, resource);
        }

        return index.GetValueOrDefault;
    }

    /// <summary>
    /// The full type token: Pulumi YAML also accepts the short form <c>aws:ec2:Vpc</c> for <c>aws:ec2/vpc:Vpc</c>
    /// (module, then the member with a lower-case first letter).
    /// </summary>
    public static string CanonicalType(string type) => TypeToken.Canonical(type);

    /// <summary>
    /// True for a string that still holds a template interpolation (<c>${repo.repositoryUrl}:1</c>): its value is
    /// not known before deployment.
    /// </summary>
    public static bool IsInterpolation(string text) => text.Contains("${", StringComparison.Ordinal);

    public IReadOnlyList<StackResource> OfType(string type) => ofType(type);

    public IEnumerable<StackResource> OfTypes(params string[] types) => types.SelectMany(OfType);

    public StackResource? ByUrn(string urn) => byUrn(urn);

    /// <summary>Resolves a value that names a resource.</summary>
    public ResourceRef Resolve(PropertyValue? value)
    {
        switch (ResourceProperties.Unwrap(value))
        {
            case null:
                return ResourceRef.Absent;
            case ReferenceValue reference:
                return byReference(reference) is { } target ? ResourceRef.To(target) : ResourceRef.Unknown;
            case StringValue s when s.Value.Length == 0:
                return ResourceRef.Absent;
            case StringValue s when IsInterpolation(s.Value):
                return ResourceRef.Unknown;
            case StringValue s:
                var ids = Volatile.Read(ref byId) ?? (Interlocked.CompareExchange(ref byId, IndexById(Resources), null) ?? byId);
                if (ids.TryGetValue(s.Value, out var byIdTarget) || (byIdTarget = byUrn(s.Value)) is not null)
                {
                    return ResourceRef.To(byIdTarget);
                }

                return ResourceRef.Outside(s.Value);
            default:
                return ResourceRef.Unknown;
        }
    }

    /// <summary>
    /// Resolves a top-level property. When its value is unknown and its property dependencies name exactly one
    /// resource (a preview), that resource is the target.
    /// </summary>
    public ResourceRef Resolve(StackResource owner, string property)
    {
        var value = new ResourceProperties(owner).Get(property);
        var resolved = Resolve(value);
        if (resolved.IsUnknown && ResourceProperties.Unwrap(value) is UnknownValue
            && owner.PropertyDependencies?.TryGetValue(property, out var deps) == true && deps.Count == 1
            && byUrn(deps[0]) is { } dependency)
        {
            return ResourceRef.To(dependency);
        }

        return resolved;
    }

    /// <summary>Resolves each item of a list property; null when the whole list is unknown.</summary>
    public IReadOnlyList<ResourceRef>? ResolveList(PropertyValue? value)
    {
        if (ResourceProperties.AsList(value) is not { } items)
        {
            return null;
        }

        var refs = new ResourceRef[items.Count];
        for (var i = 0; i < refs.Length; i++)
        {
            refs[i] = Resolve(items[i]);
        }

        return refs;
    }
}
