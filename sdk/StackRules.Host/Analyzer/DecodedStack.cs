namespace StackRules.Host.Analyzer;

/// <summary>
/// The resources of an <c>AnalyzeStackRequest</c> as <see cref="StackRequestDecoder"/> read them, with the index by
/// URN that its string pools already hold, the resources in which it met a secret, and the resources by type (indexed
/// as each is read, while it is still in the processor's cache: an index made afterwards touches every resource
/// again), so the evaluation builds none of them again (see <see cref="IDecodedStack"/>). Filled by the decoder,
/// read-only after.
/// </summary>
internal sealed class DecodedStack : List<StackResource>, IDecodedStack
{
    private readonly List<StackResource> withSecrets;
    private readonly Dictionary<string, List<StackResource>> byType;

    /// <summary>The pools of the parts read, in request order: each indexes its own part's resources by URN.</summary>
    private readonly StringPool[] pools;

    /// <summary>A stack to fill with the resources of one reading (<paramref name="pool"/> is its string pool).</summary>
    public DecodedStack(int capacity, StringPool pool)
        : base(capacity)
    {
        pools = [pool];
        withSecrets = [];
        byType = new(StringComparer.Ordinal);
    }

    private DecodedStack(IReadOnlyList<DecodedStack> parts)
        : base(parts.Sum(p => p.Count))
    {
        pools = [.. parts.SelectMany(p => p.pools)];
        withSecrets = new(parts.Sum(p => p.withSecrets.Count));
        byType = new(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            AddRange(part);
            withSecrets.AddRange(part.withSecrets);
        }

        // Each type's resources in request order: the parts' lists one after another (one part's list kept as it is).
        foreach (var type in parts.SelectMany(p => p.byType.Keys).Distinct(StringComparer.Ordinal))
        {
            var lists = parts.Select(p => p.byType.GetValueOrDefault(type)).OfType<List<StackResource>>().ToList();
            if (lists.Count == 1)
            {
                byType[type] = lists[0];
                continue;
            }

            var joined = new List<StackResource>(lists.Sum(l => l.Count));
            foreach (var list in lists)
            {
                joined.AddRange(list);
            }

            byType[type] = joined;
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<StackResource> WithSecrets => withSecrets;

    /// <summary>The stacks of consecutive parts of one request, as one (each resource and index kept, nothing read again).</summary>
    public static DecodedStack Join(IReadOnlyList<DecodedStack> parts) => parts.Count == 1 ? parts[0] : new DecodedStack(parts);

    /// <inheritdoc/>
    public StackResource? Find(string urn)
    {
        // The first resource with that URN: the first part that has one holds it.
        foreach (var pool in pools)
        {
            if (pool.ResourceOf(urn) is { } resource)
            {
                return resource;
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public IReadOnlyList<StackResource> OfType(string type) => byType.TryGetValue(type, out var list) ? list : [];

    /// <summary>Adds the next decoded resource; <paramref name="secrets"/> when the decoder met a secret in it.</summary>
    public void Add(StackResource resource, bool secrets)
    {
        Add(resource);
        pools[0].Index(resource);
        var type = TypeToken.Canonical(resource.Type);
        if (!byType.TryGetValue(type, out var ofType))
        {
            byType[type] = ofType = [];
        }

        ofType.Add(resource);
        if (secrets)
        {
            withSecrets.Add(resource);
        }
    }
}
