using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace StackRules;

/// <summary>
/// The read-only map of a small object (a resource's properties, a nested object, a resource's property
/// dependencies): its entries held in the object itself, in insertion order, found by a linear ordinal search. A
/// <see cref="Dictionary{TKey,TValue}"/> costs its buckets, its entries and its growth on top of that, and an array of
/// entries costs its own header and one more object to reach on every first read (a cache miss on a stack that is
/// larger than the cache); most objects of a stack have a handful of properties. <see cref="Of"/> picks a table of
/// exactly the entries' count for up to <see cref="MaxEntries"/> entries, and a dictionary of the exact size above.
/// </summary>
/// <typeparam name="TValue">The value type.</typeparam>
internal abstract class PropertyTable<TValue> : IReadOnlyDictionary<string, TValue>
{
    /// <summary>The most entries kept in a table; a larger map is a dictionary.</summary>
    public const int MaxEntries = 8;

    private static readonly PropertyTable<TValue> Empty = new EmptyTable();

    private PropertyTable()
    {
    }

    /// <inheritdoc/>
    public int Count => Entries.Length;

    /// <inheritdoc/>
    public IEnumerable<string> Keys => Enumerate(this, static e => e.Key);

    /// <inheritdoc/>
    public IEnumerable<TValue> Values => Enumerate(this, static e => e.Value);

    /// <summary>The entries, in place.</summary>
    private protected abstract Span<KeyValuePair<string, TValue>> Entries { get; }

    /// <inheritdoc/>
    public TValue this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"no property '{key}'");

    /// <summary>
    /// A read-only map of <paramref name="entries"/> (distinct keys, in order): a table for up to
    /// <see cref="MaxEntries"/>, else an ordinal dictionary of the exact size. The entries are copied.
    /// </summary>
    public static IReadOnlyDictionary<string, TValue> Of(ReadOnlySpan<KeyValuePair<string, TValue>> entries)
    {
        switch (entries.Length)
        {
            case 0: return Empty;
            case 1: return new Table<Entries1>(entries);
            case 2: return new Table<Entries2>(entries);
            case 3: return new Table<Entries3>(entries);
            case 4: return new Table<Entries4>(entries);
            case 5: return new Table<Entries5>(entries);
            case 6: return new Table<Entries6>(entries);
            case 7: return new Table<Entries7>(entries);
            case 8: return new Table<Entries8>(entries);
        }

        var map = new Dictionary<string, TValue>(entries.Length, StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            map[key] = value;
        }

        return map;
    }

    /// <summary>A read-only map of the first <paramref name="count"/> of <paramref name="entries"/> (distinct keys, in order).</summary>
    public static IReadOnlyDictionary<string, TValue> OfOwned(KeyValuePair<string, TValue>[] entries, int count) => Of(entries.AsSpan(0, count));

    /// <summary>The entries of <paramref name="map"/> in place when it is a table (to read them without an enumerator).</summary>
    public static bool TryGetEntries(IReadOnlyDictionary<string, TValue> map, out ReadOnlySpan<KeyValuePair<string, TValue>> entries)
    {
        entries = map is PropertyTable<TValue> table ? table.Entries : default;
        return map is PropertyTable<TValue>;
    }

    /// <summary>
    /// Sets the value of the entry at <paramref name="index"/> of <paramref name="map"/> in place when it is a table;
    /// false (nothing set) for any other map. Only for a map nobody has seen yet: a reader resolving the values it has
    /// just made (tables are otherwise immutable).
    /// </summary>
    public static bool TrySetValue(IReadOnlyDictionary<string, TValue> map, int index, TValue value)
    {
        if (map is not PropertyTable<TValue> table || (uint)index >= (uint)table.Count)
        {
            return false;
        }

        var entries = table.Entries;
        entries[index] = new(entries[index].Key, value);
        return true;
    }

    /// <summary>A copy of the entries of <paramref name="map"/>, in its enumeration order (to change some and build a new map).</summary>
    public static KeyValuePair<string, TValue>[] CopyOf(IReadOnlyDictionary<string, TValue> map) =>
        map is PropertyTable<TValue> table ? table.Entries.ToArray() : map.ToArray();

    /// <inheritdoc/>
    public bool ContainsKey(string key) => IndexOf(Entries, key) >= 0;

    /// <inheritdoc/>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value)
    {
        var entries = Entries;
        var index = IndexOf(entries, key);
        if (index < 0)
        {
            value = default;
            return false;
        }

        value = entries[index].Value;
        return true;
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator() => Enumerate(this, static e => e).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static IEnumerable<T> Enumerate<T>(PropertyTable<TValue> table, Func<KeyValuePair<string, TValue>, T> select)
    {
        for (var i = 0; i < table.Entries.Length; i++)
        {
            yield return select(table.Entries[i]);
        }
    }

    private static int IndexOf(Span<KeyValuePair<string, TValue>> entries, string key)
    {
        for (var i = 0; i < entries.Length; i++)
        {
            if (string.Equals(entries[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A table of no entries.</summary>
    private sealed class EmptyTable : PropertyTable<TValue>
    {
        private protected override Span<KeyValuePair<string, TValue>> Entries => default;
    }

    /// <summary>A table whose entries are its own fields, as many as <typeparamref name="TEntries"/> holds.</summary>
    /// <typeparam name="TEntries">An inline array of entries (<see cref="Entries1"/> to <see cref="Entries8"/>).</typeparam>
    private sealed class Table<TEntries> : PropertyTable<TValue>
        where TEntries : struct
    {
        private TEntries entries;

        public Table(ReadOnlySpan<KeyValuePair<string, TValue>> from) => from.CopyTo(Entries);

        private protected override Span<KeyValuePair<string, TValue>> Entries =>
            MemoryMarshal.CreateSpan(ref Unsafe.As<TEntries, KeyValuePair<string, TValue>>(ref entries), Unsafe.SizeOf<TEntries>() / Unsafe.SizeOf<KeyValuePair<string, TValue>>());
    }

#pragma warning disable IDE0044, IDE0051, CS0169 // the one field of an inline array is its first element
    [InlineArray(1)]
    private struct Entries1
    {
        private KeyValuePair<string, TValue> first;
    }

    [InlineArray(2)]
    private struct Entries2
    {
        private KeyValuePair<string, TValue> first;
    }

    [InlineArray(3)]
    private struct Entries3
    {
        private KeyValuePair<string, TValue> first;
    }

    [InlineArray(4)]
    private struct Entries4
    {
        private KeyValuePair<string, TValue> first;
    }

    [InlineArray(5)]
    private struct Entries5
    {
        private KeyValuePair<string, TValue> first;
    }

    [InlineArray(6)]
    private struct Entries6
    {
        private KeyValuePair<string, TValue> first;
    }

    [InlineArray(7)]
    private struct Entries7
    {
        private KeyValuePair<string, TValue> first;
    }

    [InlineArray(8)]
    private struct Entries8
    {
        private KeyValuePair<string, TValue> first;
    }
#pragma warning restore IDE0044, IDE0051, CS0169
}
