namespace StackRules;

/// <summary>
/// One property's dependency URNs, distinct and grouped by type token, each URN's type read once (lazily, on the
/// first question): what <see cref="DependencyReferences"/> asks for every nested unknown, so a property with N nested
/// objects and N dependencies costs N, not N².
/// </summary>
internal sealed class UrnsByType(IReadOnlyList<string> urns)
{
    private Dictionary<string, List<string>>? byType;
    private List<string>? distinct;

    /// <summary>The distinct URNs of one type, in first-seen order (empty when there is none).</summary>
    public IReadOnlyList<string> OfType(string type) =>
        Groups().TryGetValue(type, out var list) ? list : [];

    /// <summary>Whether every URN is of <paramref name="type"/>.</summary>
    public bool AllOfType(string type)
    {
        foreach (var urn in urns)
        {
            if (!Urn.HasType(urn, type))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The distinct URNs when they are all of one type, else null.</summary>
    public IReadOnlyList<string>? SingleType() => Groups().Count == 1 ? distinct : null;

    private Dictionary<string, List<string>> Groups()
    {
        if (byType is not null)
        {
            return byType;
        }

        byType = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        distinct = new List<string>(urns.Count);
        var seen = new HashSet<string>(urns.Count, StringComparer.Ordinal);
        foreach (var urn in urns)
        {
            if (!seen.Add(urn))
            {
                continue;
            }

            distinct.Add(urn);
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
