namespace StackRules;

/// <summary>
/// One property's dependency URNs, distinct and grouped by type token, each URN's type read without splitting it:
/// what <see cref="DependencyReferences"/> asks for every nested unknown. A property has a few dependencies, so the
/// questions are answered by scanning them (nothing allocated for the usual property); past <see cref="ScanLimit"/>
/// URNs they are grouped once (lazily, on the first question), so a property with N nested objects and N dependencies
/// costs N, not N².
/// </summary>
internal readonly struct UrnsByType
{
    /// <summary>The most URNs answered by a scan; more are grouped by type.</summary>
    public const int ScanLimit = 8;

    private readonly IReadOnlyList<string> urns;
    private readonly Grouped? grouped;

    public UrnsByType(IReadOnlyList<string> urns)
    {
        this.urns = urns;
        grouped = urns.Count > ScanLimit ? new Grouped(urns) : null;
    }

    /// <summary>The distinct URNs of one type, in first-seen order (empty when there is none).</summary>
    public IReadOnlyList<string> OfType(string type)
    {
        if (grouped is not null)
        {
            return grouped.ByType().TryGetValue(type, out var list) ? list : [];
        }

        List<string>? found = null;
        for (var i = 0; i < urns.Count; i++)
        {
            if (Urn.HasType(urns[i], type) && !SeenBefore(i))
            {
                (found ??= new List<string>(urns.Count)).Add(urns[i]);
            }
        }

        return found ?? (IReadOnlyList<string>)[];
    }

    /// <summary>
    /// How many distinct URNs are of one type, and the first of them (null when none): what <see cref="OfType"/> would
    /// list, without the list, for the usual question (is there exactly one?).
    /// </summary>
    public int CountOfType(string type, out string? first)
    {
        first = null;
        if (grouped is not null)
        {
            var list = OfType(type);
            first = list.Count > 0 ? list[0] : null;
            return list.Count;
        }

        var count = 0;
        for (var i = 0; i < urns.Count; i++)
        {
            if (Urn.HasType(urns[i], type) && !SeenBefore(i))
            {
                first ??= urns[i];
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// The next distinct URN of one type after <paramref name="position"/> (start at 0), in <see cref="OfType"/>'s
    /// order, or null past the last: the URNs of a type read one by one, without a list.
    /// </summary>
    public string? NextOfType(string type, ref int position)
    {
        if (grouped is not null)
        {
            var list = OfType(type);
            return position < list.Count ? list[position++] : null;
        }

        while (position < urns.Count)
        {
            var i = position++;
            if (Urn.HasType(urns[i], type) && !SeenBefore(i))
            {
                return urns[i];
            }
        }

        return null;
    }

    /// <summary>Whether every URN is of <paramref name="type"/>.</summary>
    public bool AllOfType(string type)
    {
        for (var i = 0; i < urns.Count; i++)
        {
            if (!Urn.HasType(urns[i], type))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// How many distinct URNs there are when they are all of one type, else -1 (none: -1): what the distinct list of a
    /// single type would hold, without the list or the type's string.
    /// </summary>
    public int SingleTypeCount()
    {
        if (grouped is not null)
        {
            return grouped.ByType().Count == 1 ? grouped.Distinct!.Count : -1;
        }

        if (urns.Count == 0)
        {
            return -1;
        }

        var type = Urn.TypeSpan(urns[0]);
        var count = 0;
        for (var i = 0; i < urns.Count; i++)
        {
            if (!Urn.TypeSpan(urns[i]).SequenceEqual(type))
            {
                return -1;
            }

            count += SeenBefore(i) ? 0 : 1;
        }

        return count;
    }

    /// <summary>The next distinct URN after <paramref name="position"/> (start at 0), in first-seen order, or null past the last.</summary>
    public string? NextDistinct(ref int position)
    {
        if (grouped is not null)
        {
            grouped.ByType();
            return position < grouped.Distinct!.Count ? grouped.Distinct[position++] : null;
        }

        while (position < urns.Count)
        {
            var i = position++;
            if (!SeenBefore(i))
            {
                return urns[i];
            }
        }

        return null;
    }

    private bool SeenBefore(int index)
    {
        for (var i = 0; i < index; i++)
        {
            if (string.Equals(urns[i], urns[index], StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Many URNs, grouped by type on the first question.</summary>
    private sealed class Grouped(IReadOnlyList<string> urns)
    {
        private Dictionary<string, List<string>>? byType;

        /// <summary>The distinct URNs, in first-seen order (after <see cref="ByType"/>).</summary>
        public List<string>? Distinct { get; private set; }

        public Dictionary<string, List<string>> ByType()
        {
            if (byType is not null)
            {
                return byType;
            }

            byType = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            Distinct = new List<string>(urns.Count);
            var seen = new HashSet<string>(urns.Count, StringComparer.Ordinal);
            for (var i = 0; i < urns.Count; i++)
            {
                var urn = urns[i];
                if (!seen.Add(urn))
                {
                    continue;
                }

                Distinct.Add(urn);
                var type = Urn.Type(urn);
                if (!byType.TryGetValue(type, out var list))
                {
                    byType[type] = list = [];
                }

                list.Add(urn);
            }

            return byType;
        }
    }
}
