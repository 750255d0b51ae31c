using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace StackRules;

/// <summary>
/// The read-only map of a small object (a resource's properties, a nested object, a resource's property
/// dependencies): its entries in one array, in insertion order, found by a linear ordinal search. A
/// <see cref="Dictionary{TKey,TValue}"/> costs its buckets, its entries and its growth on top of that; most objects of
/// a stack have a handful of properties. <see cref="Of"/> picks this for up to <see cref="MaxEntries"/> entries and a
/// dictionary of the exact size above.
/// </summary>
/// <typeparam name="TValue">The value type.</typeparam>
internal sealed class PropertyTable<TValue> : IReadOnlyDictionary<string, TValue>
{
    /// <summary>The most entries kept in a table; a larger map is a dictionary.</summary>
    public const int MaxEntries = 8;

    private static readonly PropertyTable<TValue> Empty = new([]);

    private readonly KeyValuePair<string, TValue>[] entries;

    private PropertyTable(KeyValuePair<string, TValue>[] entries) => this.entries = entries;

    /// <inheritdoc/>
    public int Count => entries.Length;

    /// <inheritdoc/>
    public IEnumerable<string> Keys => entries.Select(e => e.Key);

    /// <inheritdoc/>
    public IEnumerable<TValue> Values => entries.Select(e => e.Value);

    /// <inheritdoc/>
    public TValue this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"no property '{key}'");

    /// <summary>
    /// A read-only map of <paramref name="entries"/> (distinct keys, in order): a table for up to
    /// <see cref="MaxEntries"/>, else an ordinal dictionary of the exact size. The entries are copied.
    /// </summary>
    public static IReadOnlyDictionary<string, TValue> Of(ReadOnlySpan<KeyValuePair<string, TValue>> entries)
    {
        if (entries.Length == 0)
        {
            return Empty;
        }

        if (entries.Length <= MaxEntries)
        {
            return new PropertyTable<TValue>(entries.ToArray());
        }

        var map = new Dictionary<string, TValue>(entries.Length, StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            map[key] = value;
        }

        return map;
    }

    /// <summary>
    /// A read-only map of the first <paramref name="count"/> of <paramref name="entries"/> (distinct keys, in order),
    /// which it may keep as its own: the caller gives the array up.
    /// </summary>
    public static IReadOnlyDictionary<string, TValue> OfOwned(KeyValuePair<string, TValue>[] entries, int count) =>
        count == entries.Length && count is > 0 and <= MaxEntries ? new PropertyTable<TValue>(entries) : Of(entries.AsSpan(0, count));

    /// <summary>The entries of <paramref name="map"/> in place when it is a table (to read them without an enumerator).</summary>
    public static bool TryGetEntries(IReadOnlyDictionary<string, TValue> map, out ReadOnlySpan<KeyValuePair<string, TValue>> entries)
    {
        entries = map is PropertyTable<TValue> table ? table.entries : default;
        return map is PropertyTable<TValue>;
    }

    /// <summary>A copy of the entries of <paramref name="map"/>, in its enumeration order (to change some and build a new map).</summary>
    public static KeyValuePair<string, TValue>[] CopyOf(IReadOnlyDictionary<string, TValue> map) =>
        map is PropertyTable<TValue> table ? (KeyValuePair<string, TValue>[])table.entries.Clone() : map.ToArray();

    /// <inheritdoc/>
    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <inheritdoc/>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value)
    {
        var index = IndexOf(key);
        if (index < 0)
        {
            value = default;
            return false;
        }

        value = entries[index].Value;
        return true;
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, TValue>>)entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        var span = entries.AsSpan();
        for (var i = 0; i < span.Length; i++)
        {
            if (string.Equals(span[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
