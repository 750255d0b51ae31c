namespace StackRules;

/// <summary>
/// In a preview, the ids that link resources (<c>vpcId</c>, <c>subnetIds</c>, <c>networkConfiguration.subnets</c>) are
/// unknown; only <c>propertyDependencies</c> (top-level property → URNs) tells which resources they come from. This
/// turns an unknown into a <see cref="ReferenceValue"/> when that is unambiguous:
/// <list type="bullet">
/// <item>a top-level unknown whose property holds ids or ARNs (its key names a resource type, or ends in Id, Ids, Arn,
/// Arns) and depends on exactly one resource;</item>
/// <item>a top-level list of N unknowns in such a property that depends on N resources of one type (<c>subnetIds</c>
/// of two new subnets, <c>networkLoadBalancerArns</c>);</item>
/// <item>an unknown, or a list of unknowns, under a key that names one kind of resource (<c>subnetId</c>,
/// <c>subnets</c>, <c>securityGroupIds</c>...), when the property's dependencies of that type are exactly as many as
/// the unknowns (a list of ids is a set, so the order does not matter).</item>
/// </list>
/// Anything else stays unknown, and the rules stay silent on it. The analyzer (Struct with propertyDependencies) and
/// the preview-JSON reader both use this one resolver, so the offline check and <c>pulumi preview --policy-pack</c>
/// see the same relations.
/// </summary>
public sealed class DependencyReferences(IReadOnlyDictionary<string, string> keyTypes)
{
    /// <summary>No keys: only the key-independent rules apply (a top-level id property depending on one resource).</summary>
    public static readonly DependencyReferences None = new(new Dictionary<string, string>());

    /// <summary>Keys that hold ids of one resource type, and that type (<see cref="PolicyPack.ReferenceKeys"/>).</summary>
    public IReadOnlyDictionary<string, string> KeyTypes { get; } = keyTypes;

    /// <summary>The type token of a URN: the same as <c>Urn.Type</c>.</summary>
    public static string TypeOfUrn(string urn) => Urn.Type(urn);

    /// <summary>Whether the type token of <paramref name="urn"/> is <paramref name="type"/>: the same as <c>Urn.HasType</c>, without allocating.</summary>
    public static bool UrnHasType(string urn, string type) => Urn.HasType(urn, type);

    /// <summary>
    /// Applies the rules above to a resource's properties. Linear in the size of the properties plus their
    /// dependencies: each property's URNs are grouped by type once, and a value that does not change is kept, not
    /// copied.
    /// </summary>
    public ObjectValue Resolve(ObjectValue properties, IReadOnlyDictionary<string, IReadOnlyList<string>> dependencies)
    {
        if (dependencies.Count == 0)
        {
            return properties;
        }

        KeyValuePair<string, PropertyValue>[]? result = null;
        if (PropertyTable<PropertyValue>.TryGetTable(properties.Properties, out var table))
        {
            for (var i = 0; i < table.Count; i++)
            {
                ResolveEntry(properties, dependencies, i, table.KeyAt(i), table.ValueAt(i), ref result);
            }
        }
        else
        {
            var position = 0;
            foreach (var (key, value) in properties.Properties)
            {
                ResolveEntry(properties, dependencies, position++, key, value, ref result);
            }
        }

        return result is null ? properties : new ObjectValue(PropertyTable<PropertyValue>.Of(result));
    }

    /// <summary>
    /// <see cref="Resolve"/> on the entries of properties still being built (a decoder's buffer): each changed value
    /// replaces its entry's, so nothing is copied.
    /// </summary>
    /// <param name="entries">The entries.</param>
    /// <param name="dependencies">The resource's property dependencies.</param>
    /// <param name="targets">The resources already read, by URN, to link each reference made to its target (<see cref="ReferenceValue.Target"/>).</param>
    internal void ResolveInPlace(Span<KeyValuePair<string, PropertyValue>> entries, IReadOnlyDictionary<string, IReadOnlyList<string>> dependencies, IReferenceTargets? targets = null)
    {
        if (dependencies.Count == 0)
        {
            return;
        }

        for (var i = 0; i < entries.Length; i++)
        {
            var (key, value) = entries[i];
            if (dependencies.TryGetValue(key, out var urns) && urns.Count > 0)
            {
                entries[i] = new(key, ResolveProperty(key, value, urns, targets, inPlace: true));
            }
        }
    }

    /// <summary>Resolves the property at <paramref name="position"/>; a change goes into a copy of the properties.</summary>
    private void ResolveEntry(
        ObjectValue properties, IReadOnlyDictionary<string, IReadOnlyList<string>> dependencies, int position, string key, PropertyValue value, ref KeyValuePair<string, PropertyValue>[]? result)
    {
        if (dependencies.TryGetValue(key, out var urns) && urns.Count > 0)
        {
            var resolved = ResolveProperty(key, value, urns, null);
            if (!ReferenceEquals(resolved, value))
            {
                result ??= PropertyTable<PropertyValue>.CopyOf(properties.Properties);
                result[position] = new(key, resolved);
            }
        }
    }

    private PropertyValue ResolveProperty(string key, PropertyValue value, IReadOnlyList<string> urns, IReferenceTargets? targets, bool inPlace = false)
    {
        var byType = new UrnsByType(urns);

        // Only a property that holds ids or ARNs can *be* the resource it depends on: containerDefinitions
        // depends on the log group but is a JSON document, cidrBlocks may depend on subnets but are CIDRs.
        if (!HoldsIds(key, byType))
        {
            return Rewrite(key, value, byType, targets, inPlace);
        }

        if (urns.Count == 1 && value is UnknownValue or SecretValue { Inner: UnknownValue })
        {
            PropertyValue reference = Reference(urns[0], targets);
            return value is SecretValue ? new SecretValue(reference) : reference;
        }

        if (value is ArrayValue { Items.Count: > 0 } list && AllUnknown(list) && byType.SingleTypeCount() == list.Items.Count)
        {
            return DistinctReferences(byType, list.Items.Count, targets);
        }

        return Rewrite(key, value, byType, targets, inPlace);
    }

    /// <summary>
    /// Whether a top-level property holds the ids or ARNs of the resources it depends on: a key that names a resource
    /// type (then the dependencies must all be of that type), or any key ending in Id, Ids, Arn or Arns.
    /// </summary>
    private bool HoldsIds(string key, UrnsByType urns) =>
        KeyTypes.TryGetValue(key, out var type)
            ? urns.AllOfType(type)
            : key.EndsWith("Id", StringComparison.Ordinal) || key.EndsWith("Ids", StringComparison.Ordinal)
              || key.EndsWith("Arn", StringComparison.Ordinal) || key.EndsWith("Arns", StringComparison.Ordinal);

    /// <summary>
    /// Resolves nested unknowns; returns <paramref name="value"/> itself when nothing in it changes. With
    /// <paramref name="inPlace"/> (a reader's values, made for this resource and seen by nobody yet), a nested object
    /// whose entries change is changed in place instead of copied (lists are still copied: a reader shares its lists
    /// of unknowns).
    /// </summary>
    private PropertyValue Rewrite(string key, PropertyValue value, UrnsByType urns, IReferenceTargets? targets, bool inPlace)
    {
        switch (value)
        {
            case UnknownValue when CandidateCount(key, urns, out var only) == 1:
                return Reference(only!, targets);
            case ArrayValue array when array.Items.Count > 0 && AllUnknown(array)
                                       && CandidateCount(key, urns, out _) == array.Items.Count:
                return ReferencesOfType(urns, KeyTypes[key], array.Items.Count, targets);
            case ArrayValue array:
                return RewriteItems(array, urns, targets, inPlace);
            case ObjectValue obj:
                return RewriteProperties(obj, urns, targets, inPlace);
            case SecretValue secret:
                var inner = Rewrite(key, secret.Inner, urns, targets, inPlace);
                return ReferenceEquals(inner, secret.Inner) ? secret : new SecretValue(inner);
            default:
                return value;
        }
    }

    private ArrayValue RewriteItems(ArrayValue array, UrnsByType urns, IReferenceTargets? targets, bool inPlace)
    {
        PropertyValue[]? items = null;
        for (var i = 0; i < array.Items.Count; i++)
        {
            var item = array.Items[i];
            var rewritten = Rewrite("", item, urns, targets, inPlace);
            if (items is null && !ReferenceEquals(rewritten, item))
            {
                items = new PropertyValue[array.Items.Count];
                for (var j = 0; j < i; j++)
                {
                    items[j] = array.Items[j];
                }
            }

            if (items is not null)
            {
                items[i] = rewritten;
            }
        }

        return items is null ? array : new ArrayValue(items);
    }

    private ObjectValue RewriteProperties(ObjectValue obj, UrnsByType urns, IReferenceTargets? targets, bool inPlace)
    {
        KeyValuePair<string, PropertyValue>[]? properties = null;
        if (PropertyTable<PropertyValue>.TryGetTable(obj.Properties, out var table))
        {
            for (var i = 0; i < table.Count; i++)
            {
                RewriteEntry(obj, urns, targets, i, table.KeyAt(i), table.ValueAt(i), ref properties, inPlace);
            }
        }
        else
        {
            var position = 0;
            foreach (var (key, value) in obj.Properties)
            {
                RewriteEntry(obj, urns, targets, position++, key, value, ref properties, inPlace);
            }
        }

        return properties is null ? obj : new ObjectValue(PropertyTable<PropertyValue>.Of(properties));
    }

    private void RewriteEntry(ObjectValue obj, UrnsByType urns, IReferenceTargets? targets, int position, string key, PropertyValue value, ref KeyValuePair<string, PropertyValue>[]? properties, bool inPlace)
    {
        var rewritten = Rewrite(key, value, urns, targets, inPlace);
        if (!ReferenceEquals(rewritten, value) && !(inPlace && properties is null && PropertyTable<PropertyValue>.TrySetValue(obj.Properties, position, rewritten)))
        {
            properties ??= PropertyTable<PropertyValue>.CopyOf(obj.Properties);
            properties[position] = new(key, rewritten);
        }
    }

    private static bool AllUnknown(ArrayValue array)
    {
        for (var i = 0; i < array.Items.Count; i++)
        {
            if (array.Items[i] is not UnknownValue)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>References to the <paramref name="count"/> distinct URNs, in order.</summary>
    private static ArrayValue DistinctReferences(UrnsByType urns, int count, IReferenceTargets? targets)
    {
        var items = new PropertyValue[count];
        var position = 0;
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = Reference(urns.NextDistinct(ref position)!, targets);
        }

        return new ArrayValue(items);
    }

    /// <summary>References to the <paramref name="count"/> distinct URNs of <paramref name="type"/>, in order.</summary>
    private static ArrayValue ReferencesOfType(UrnsByType urns, string type, int count, IReferenceTargets? targets)
    {
        var items = new PropertyValue[count];
        var position = 0;
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = Reference(urns.NextOfType(type, ref position)!, targets);
        }

        return new ArrayValue(items);
    }

    /// <summary>
    /// A reference to the id of the resource <paramref name="urn"/>: linked to it when <paramref name="targets"/> has it,
    /// and then the one such reference of that resource (values are immutable).
    /// </summary>
    private static ReferenceValue Reference(string urn, IReferenceTargets? targets)
    {
        if (targets?.TargetOf(urn) is not { } target)
        {
            return new(urn, "id");
        }

        return target.IdReference is { } shared && ReferenceEquals(shared.Target, target) && ReferenceEquals(shared.TargetUrn, urn)
            ? shared
            : target.IdReference = new ReferenceValue(urn, "id") { Target = target };
    }

    /// <summary>How many of the URNs are of the type <paramref name="key"/> names, and the first (-1 when the key names no type).</summary>
    private int CandidateCount(string key, UrnsByType urns, out string? first)
    {
        first = null;
        return KeyTypes.TryGetValue(key, out var type) ? urns.CountOfType(type, out first) : -1;
    }
}
