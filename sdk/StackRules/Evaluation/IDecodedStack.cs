namespace StackRules;

/// <summary>
/// A stack's resources as a reader decoded them, with what it learnt on the way, so that an evaluation need not work
/// it out again: the index by URN, and which resources hold secrets (the analyzer's <c>AnalyzeStack</c> decoder
/// gives both).
/// </summary>
internal interface IDecodedStack : IReadOnlyList<StackResource>
{
    /// <summary>
    /// The resources whose properties (inputs, outputs, provider properties) may hold a secret value, in order: every
    /// resource that does, and perhaps some that do not.
    /// </summary>
    IReadOnlyList<StackResource> WithSecrets { get; }

    /// <summary>The first resource with the URN <paramref name="urn"/>, or null.</summary>
    StackResource? Find(string urn);

    /// <summary>The resource <paramref name="reference"/> names: the same as <see cref="Find(string)"/> of its URN.</summary>
    StackResource? Find(ReferenceValue reference);

    /// <summary>The resources whose canonical type token (<see cref="TypeToken.Canonical"/>) is <paramref name="type"/>, in order.</summary>
    IReadOnlyList<StackResource> OfType(string type);
}
