using System.Collections;

namespace StackRules.Host.Analyzer;

/// <summary>
/// The resources of an <c>AnalyzeStackRequest</c> as <see cref="StackRequestDecoder"/> read them, with the index by
/// URN that its string pool already holds and the resources in which it met a secret, so the evaluation builds
/// neither again (see <see cref="IDecodedStack"/>). Read-only once decoded.
/// </summary>
internal sealed class DecodedStack(List<StackResource> resources, StringPool pool, IReadOnlyList<StackResource> withSecrets) : IDecodedStack
{
    /// <inheritdoc/>
    public int Count => resources.Count;

    /// <inheritdoc/>
    public IReadOnlyList<StackResource> WithSecrets => withSecrets;

    /// <inheritdoc/>
    public StackResource this[int index] => resources[index];

    /// <inheritdoc/>
    public StackResource? Find(string urn) => pool.ResourceOf(urn);

    /// <inheritdoc/>
    public IEnumerator<StackResource> GetEnumerator() => resources.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
