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
/// larger than the cache); most objects of a stack have a handful of properties. <see cref="Of(ReadOnlySpan{KeyValuePair{string, TValue}}, TableShapes?)"/> picks a table of
/// exactly the entries' count for up to <see cref="MaxEntries"/> entries, and a dictionary of the exact size above.
/// A reader that makes many tables of the same keys (every resource of a type has the same properties) passes its
/// <see cref="TableShapes"/>: a table of <see cref="MinShapedEntries"/> or more entries then holds only its values and
/// the keys' array it shares with every table of those keys in that order (8 bytes an entry, not 16).
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

    /// <summary>The fewest entries a table holds with a shared keys' array (fewer cost no more in their own fields).</summary>
    public const int MinShapedEntries = 3;

    /// <inheritdoc/>
    public abstract int Count { get; }

    /// <inheritdoc/>
    public IEnumerable<string> Keys => Enumerate(this, static e => e.Key);

    /// <inheritdoc/>
    public IEnumerable<TValue> Values => Enumerate(this, static e => e.Value);

    /// <summary>The key of the entry at <paramref name="index"/> (entries in insertion order).</summary>
    public abstract string KeyAt(int index);

    /// <summary>The value of the entry at <paramref name="index"/>.</summary>
    public abstract TValue ValueAt(int index);

    /// <summary>The index of the entry of <paramref name="key"/>, or -1.</summary>
    private protected abstract int IndexOf(string key);

    /// <summary>Sets the value at <paramref name="index"/> (<see cref="TrySetValue"/>).</summary>
    private protected abstract void SetValueAt(int index, TValue value);

    /// <inheritdoc/>
    public TValue this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"no property '{key}'");

    /// <summary>
    /// A read-only map of <paramref name="entries"/> (distinct keys, in order): a table for up to
    /// <see cref="MaxEntries"/>, else an ordinal dictionary of the exact size. The entries are copied.
    /// </summary>
    public static IReadOnlyDictionary<string, TValue> Of(ReadOnlySpan<KeyValuePair<string, TValue>> entries) => Of(entries, null);

    /// <summary>
    /// <see cref="Of(ReadOnlySpan{KeyValuePair{string, TValue}})"/>, a table of <see cref="MinShapedEntries"/> to
    /// <see cref="MaxEntries"/> entries sharing its keys' array through <paramref name="shapes"/> when given.
    /// </summary>
    public static IReadOnlyDictionary<string, TValue> Of(ReadOnlySpan<KeyValuePair<string, TValue>> entries, TableShapes? shapes)
    {
        if (shapes is not null && entries.Length is >= MinShapedEntries and <= MaxEntries)
        {
            var keys = shapes.KeysOf(entries);
            switch (entries.Length)
            {
                case 3: return new ShapedTable<Values3>(keys, entries);
                case 4: return new ShapedTable<Values4>(keys, entries);
                case 5: return new ShapedTable<Values5>(keys, entries);
                case 6: return new ShapedTable<Values6>(keys, entries);
                case 7: return new ShapedTable<Values7>(keys, entries);
                case 8: return new ShapedTable<Values8>(keys, entries);
            }
        }

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

    /// <summary><paramref name="map"/> as a table (to read its entries by index, without an enumerator), when it is one.</summary>
    public static bool TryGetTable(IReadOnlyDictionary<string, TValue> map, [NotNullWhen(true)] out PropertyTable<TValue>? table)
    {
        table = map as PropertyTable<TValue>;
        return table is not null;
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

        table.SetValueAt(index, value);
        return true;
    }

    /// <summary>A copy of the entries of <paramref name="map"/>, in its enumeration order (to change some and build a new map).</summary>
    public static KeyValuePair<string, TValue>[] CopyOf(IReadOnlyDictionary<string, TValue> map)
    {
        if (map is not PropertyTable<TValue> table)
        {
            return map.ToArray();
        }

        var copy = new KeyValuePair<string, TValue>[table.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = new(table.KeyAt(i), table.ValueAt(i));
        }

        return copy;
    }

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

        value = ValueAt(index);
        return true;
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator() => Enumerate(this, static e => e).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static IEnumerable<T> Enumerate<T>(PropertyTable<TValue> table, Func<KeyValuePair<string, TValue>, T> select)
    {
        for (var i = 0; i < table.Count; i++)
        {
            yield return select(new(table.KeyAt(i), table.ValueAt(i)));
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

    private static int IndexOf(string[] keys, string key)
    {
        for (var i = 0; i < keys.Length; i++)
        {
            if (string.Equals(keys[i], key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A table of no entries.</summary>
    private sealed class EmptyTable : PropertyTable<TValue>
    {
        public override int Count => 0;

        public override string KeyAt(int index) => throw new ArgumentOutOfRangeException(nameof(index));

        public override TValue ValueAt(int index) => throw new ArgumentOutOfRangeException(nameof(index));

        private protected override int IndexOf(string key) => -1;

        private protected override void SetValueAt(int index, TValue value) => throw new ArgumentOutOfRangeException(nameof(index));
    }

    /// <summary>A table whose entries are its own fields, as many as <typeparamref name="TEntries"/> holds.</summary>
    /// <typeparam name="TEntries">An inline array of entries (<see cref="Entries1"/> to <see cref="Entries8"/>).</typeparam>
    private sealed class Table<TEntries> : PropertyTable<TValue>
        where TEntries : struct
    {
        private TEntries entries;

        public Table(ReadOnlySpan<KeyValuePair<string, TValue>> from) => from.CopyTo(Entries);

        public override int Count => Unsafe.SizeOf<TEntries>() / Unsafe.SizeOf<KeyValuePair<string, TValue>>();

        private Span<KeyValuePair<string, TValue>> Entries =>
            MemoryMarshal.CreateSpan(ref Unsafe.As<TEntries, KeyValuePair<string, TValue>>(ref entries), Count);

        public override string KeyAt(int index) => Entries[index].Key;

        public override TValue ValueAt(int index) => Entries[index].Value;

        private protected override int IndexOf(string key) => IndexOf(Entries, key);

        private protected override void SetValueAt(int index, TValue value) => Entries[index] = new(Entries[index].Key, value);
    }

    /// <summary>A table whose values are its own fields, its keys an array shared by every table of those keys (<see cref="TableShapes"/>).</summary>
    /// <typeparam name="TValues">An inline array of values (<see cref="Values3"/> to <see cref="Values8"/>).</typeparam>
    private sealed class ShapedTable<TValues> : PropertyTable<TValue>
        where TValues : struct
    {
        private readonly string[] keys;
        private TValues values;

        public ShapedTable(string[] keys, ReadOnlySpan<KeyValuePair<string, TValue>> from)
        {
            this.keys = keys;
            var into = InPlace;
            for (var i = 0; i < into.Length; i++)
            {
                into[i] = from[i].Value;
            }
        }

        public override int Count => keys.Length;

        private Span<TValue> InPlace =>
            MemoryMarshal.CreateSpan(ref Unsafe.As<TValues, TValue>(ref values), Unsafe.SizeOf<TValues>() / Unsafe.SizeOf<TValue>());

        public override string KeyAt(int index) => keys[index];

        public override TValue ValueAt(int index) => InPlace[index];

        private protected override int IndexOf(string key) => IndexOf(keys, key);

        private protected override void SetValueAt(int index, TValue value) => InPlace[index] = value;
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

    [InlineArray(3)]
    private struct Values3
    {
        private TValue first;
    }

    [InlineArray(4)]
    private struct Values4
    {
        private TValue first;
    }

    [InlineArray(5)]
    private struct Values5
    {
        private TValue first;
    }

    [InlineArray(6)]
    private struct Values6
    {
        private TValue first;
    }

    [InlineArray(7)]
    private struct Values7
    {
        private TValue first;
    }

    [InlineArray(8)]
    private struct Values8
    {
        private TValue first;
    }
#pragma warning restore IDE0044, IDE0051, CS0169
}
