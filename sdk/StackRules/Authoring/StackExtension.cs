namespace StackRules;

/// <summary>
/// A model of the stack that several policies share, built once per evaluation on first use (a network graph, a
/// reachability analysis...). A pack offers one as a static field; any policy, of that pack or of another, asks for
/// it with <c>args.Use(extension)</c>.
/// </summary>
/// <typeparam name="T">The model's type.</typeparam>
/// <param name="name">A name for messages.</param>
/// <param name="build">Builds the model from the evaluation's resources and the pack's settings.</param>
public sealed class StackExtension<T>(string name, Func<ExtensionContext, T> build)
    where T : class
{
    /// <summary>The extension's name.</summary>
    public string Name { get; } = name;

    internal T Build(ExtensionContext context) => build(context);
}

/// <summary>What an extension is built from.</summary>
public sealed class ExtensionContext
{
    private readonly Func<string, PolicySettings?> settings;
    private readonly Func<string, StackResource?> find;
    private readonly Func<ReferenceValue, StackResource?> findReference;
    private readonly Func<string, IReadOnlyList<StackResource>> ofType;

    internal ExtensionContext(
        IReadOnlyList<StackResource> resources,
        Func<string, PolicySettings?> settings,
        Func<string, StackResource?> find,
        Func<ReferenceValue, StackResource?> findReference,
        Func<string, IReadOnlyList<StackResource>> ofType)
    {
        Resources = resources;
        this.settings = settings;
        this.find = find;
        this.findReference = findReference;
        this.ofType = ofType;
    }

    /// <summary>The resources of the evaluation (one resource for a resource policy, every resource for a stack policy).</summary>
    public IReadOnlyList<StackResource> Resources { get; }

    /// <summary>The settings of the policy <paramref name="policy"/> of the pack being run, or null when the pack has no such policy.</summary>
    public PolicySettings? SettingsOf(string policy) => settings(policy);

    /// <summary>
    /// The resource with URN <paramref name="urn"/> (the first one, if the input repeats it), or null: the
    /// evaluation's own index, so an extension needs no index by URN of its own.
    /// </summary>
    public StackResource? Find(string urn) => find(urn);

    /// <summary>
    /// The resource <paramref name="reference"/> names: the same as <see cref="Find(string)"/> of its
    /// <see cref="ReferenceValue.TargetUrn"/>, without the lookup when the reader linked the reference to its target
    /// as it read (the analyzer's decoder does, for a resource sent before the one that refers to it).
    /// </summary>
    public StackResource? Find(ReferenceValue reference) => findReference(reference);

    /// <summary>
    /// The resources of type <paramref name="type"/>, a full type token (<c>aws:ec2/subnet:Subnet</c>; a Pulumi YAML
    /// template's short form <c>aws:ec2:Subnet</c> is indexed under it), in the evaluation's order, or none: the
    /// evaluation's own index (the analyzer's decoder makes it while reading the request).
    /// </summary>
    public IReadOnlyList<StackResource> OfType(string type) => ofType(type);
}
