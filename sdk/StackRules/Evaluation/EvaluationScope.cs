using System.Globalization;

namespace StackRules;

/// <summary>
/// One evaluation: its resources, their index by URN, the extensions built so far, and the secret screen. Not
/// shared between calls.
/// </summary>
internal sealed class EvaluationScope(IReadOnlyList<StackResource> resources, Func<string, PolicySettings?> settings)
{
    private readonly Dictionary<object, object> extensions = [];
    private Dictionary<string, StackResource>? byUrn;
    private Dictionary<string, List<StackResource>>? byType;
    private SecretScreen? screen;
    private Task<SecretScreen>? screenBuilt;

    /// <summary>
    /// From this many resources, <see cref="BuildScreenApart"/> builds the secret screen on another processor while the
    /// policies run (collecting a large stack's secrets and building their search takes about a millisecond at 10,000
    /// resources); below it a thread pool hand-off would cost a good part of what it saves.
    /// </summary>
    internal const int ScreenApartFrom = 500;

    public IReadOnlyList<StackResource> Resources => resources;

    public PolicySettings? SettingsOf(string policy) => settings(policy);

    public StackResource? Find(string urn)
    {
        if (resources is IDecodedStack decoded)
        {
            return decoded.Find(urn);
        }

        if (byUrn is null)
        {
            byUrn = new Dictionary<string, StackResource>(resources.Count, StringComparer.Ordinal);
            foreach (var r in resources)
            {
                byUrn.TryAdd(r.Urn, r);
            }
        }

        return byUrn.GetValueOrDefault(urn);
    }

    /// <summary>The resource <paramref name="reference"/> names (the decoder may have linked it as it read).</summary>
    public StackResource? Find(ReferenceValue reference) =>
        resources is IDecodedStack decoded ? decoded.Find(reference) : Find(reference.TargetUrn);

    /// <summary>The resources of canonical type token <paramref name="type"/>, in order (the decoder's index, else one made on first use).</summary>
    public IReadOnlyList<StackResource> OfType(string type)
    {
        if (resources is IDecodedStack decoded)
        {
            return decoded.OfType(type);
        }

        if (byType is null)
        {
            byType = new Dictionary<string, List<StackResource>>(StringComparer.Ordinal);
            foreach (var r in resources)
            {
                var canonical = TypeToken.Canonical(r.Type);
                if (!byType.TryGetValue(canonical, out var list))
                {
                    byType[canonical] = list = [];
                }

                list.Add(r);
            }
        }

        return byType.TryGetValue(type, out var found) ? found : [];
    }

    /// <summary>A scope over one resource that shares nothing with this one (a resource policy in the offline check).</summary>
    public EvaluationScope For(StackResource resource) => new([resource], settings);

    public T Use<T>(StackExtension<T> extension)
        where T : class
    {
        if (!extensions.TryGetValue(extension, out var built))
        {
            extensions[extension] = built = extension.Build(new ExtensionContext(resources, settings, Find, Find, OfType));
        }

        return (T)built;
    }

    /// <summary>
    /// Replaces every secret text of the resources (inputs, outputs, provider properties) found in
    /// <paramref name="text"/> with <c>[secret]</c> (<see cref="SecretScreen"/>). The secrets are collected on the
    /// first call only.
    /// </summary>
    public string Screen(string text) => ScreenOf().Apply(text);

    /// <summary><see cref="Screen(string)"/> for a message as held (the same object when nothing in it is secret).</summary>
    public MessageText Screen(MessageText text) => ScreenOf().Apply(text);

    private SecretScreen ScreenOf() => screen ??= screenBuilt?.GetAwaiter().GetResult() ?? new SecretScreen(CollectSecrets());

    /// <summary>
    /// Starts building the secret screen on another processor, for an evaluation of a large stack that has secrets
    /// (the resources do not change during an evaluation); <see cref="Screen(string)"/> waits for it, and rethrows what it threw.
    /// </summary>
    public void BuildScreenApart(int apartFrom = ScreenApartFrom)
    {
        var hasSecrets = resources is not IDecodedStack decoded || decoded.WithSecrets.Count > 0;
        if (screen is null && screenBuilt is null && hasSecrets && resources.Count >= apartFrom)
        {
            screenBuilt = Task.Run(() => new SecretScreen(CollectSecrets()));
        }
    }

    private HashSet<string> CollectSecrets()
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<(PropertyValue Value, bool Secret)>();
        foreach (var r in resources is IDecodedStack decoded ? decoded.WithSecrets : resources)
        {
            Walk(r.Inputs, pending, found);
            if (r.Outputs is { } outputs && !ReferenceEquals(outputs, r.Inputs))
            {
                Walk(outputs, pending, found);
            }

            if (r.Provider is { } provider)
            {
                Walk(provider.Properties, pending, found);
            }
        }

        return found;
    }

    /// <summary>Adds the secret texts of <paramref name="value"/> to <paramref name="found"/>; <paramref name="pending"/> is an empty work stack, shared.</summary>
    private static void Walk(PropertyValue value, Stack<(PropertyValue Value, bool Secret)> pending, HashSet<string> found)
    {
        // Iterative, so a deeply nested value cannot overflow the stack.
        pending.Push((value, false));
        while (pending.TryPop(out var item))
        {
            switch (item.Value)
            {
                case SecretValue s:
                    pending.Push((s.Inner, true));
                    break;
                case StringValue s when item.Secret:
                    found.Add(s.Value);
                    break;
                case NumberValue n when item.Secret:
                    found.Add(n.Value.ToString(CultureInfo.InvariantCulture));
                    break;
                case ArrayValue a:
                    for (var i = 0; i < a.Items.Count; i++)
                    {
                        pending.Push((a.Items[i], item.Secret));
                    }

                    break;
                case ObjectValue o when PropertyTable<PropertyValue>.TryGetTable(o.Properties, out var table):
                    for (var i = 0; i < table.Count; i++)
                    {
                        pending.Push((table.ValueAt(i), item.Secret));
                    }

                    break;
                case ObjectValue o:
                    foreach (var (_, p) in o.Properties)
                    {
                        pending.Push((p, item.Secret));
                    }

                    break;
            }
        }
    }
}
