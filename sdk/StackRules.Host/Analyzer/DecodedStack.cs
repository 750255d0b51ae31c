namespace StackRules.Host.Analyzer;

/// <summary>
/// The resources of an <c>AnalyzeStackRequest</c> as <see cref="StackRequestDecoder"/> read them, with the index by
/// URN that its string pool already holds and the resources in which it met a secret, so the evaluation builds
/// neither again (see <see cref="IDecodedStack"/>). Filled by the decoder, read-only after.
/// </summary>
internal sealed class DecodedStack(int capacity, StringPool pool) : List<StackResource>(capacity), IDecodedStack
{
    private readonly List<StackResource> withSecrets = [];

    /// <inheritdoc/>
    public IReadOnlyList<StackResource> WithSecrets => withSecrets;

    /// <inheritdoc/>
    public StackResource? Find(string urn) => pool.ResourceOf(urn);

    /// <summary>Adds the next decoded resource; <paramref name="secrets"/> when the decoder met a secret in it.</summary>
    public void Add(StackResource resource, bool secrets)
    {
        Add(resource);
        pool.Index(resource);
        if (secrets)
        {
            withSecrets.Add(resource);
        }
    }
}
