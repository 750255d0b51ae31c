namespace StackRules.Host.Analyzer;

/// <summary>
/// The resources of an <c>AnalyzeStackRequest</c> as <see cref="StackRequestDecoder"/> read them, with the index by
/// URN that its string pools already hold and the resources in which it met a secret, so the evaluation builds
/// neither again (see <see cref="IDecodedStack"/>). Filled by the decoder, read-only after.
/// </summary>
internal sealed class DecodedStack : List<StackResource>, IDecodedStack
{
    private readonly List<StackResource> withSecrets;

    /// <summary>The pools of the parts read, in request order: each indexes its own part's resources by URN.</summary>
    private readonly StringPool[] pools;

    /// <summary>A stack to fill with the resources of one reading (<paramref name="pool"/> is its string pool).</summary>
    public DecodedStack(int capacity, StringPool pool)
        : base(capacity)
    {
        pools = [pool];
        withSecrets = [];
    }

    private DecodedStack(IReadOnlyList<DecodedStack> parts)
        : base(parts.Sum(p => p.Count))
    {
        pools = [.. parts.SelectMany(p => p.pools)];
        withSecrets = new(parts.Sum(p => p.withSecrets.Count));
        foreach (var part in parts)
        {
            AddRange(part);
            withSecrets.AddRange(part.withSecrets);
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

    /// <summary>Adds the next decoded resource; <paramref name="secrets"/> when the decoder met a secret in it.</summary>
    public void Add(StackResource resource, bool secrets)
    {
        Add(resource);
        pools[0].Index(resource);
        if (secrets)
        {
            withSecrets.Add(resource);
        }
    }
}
