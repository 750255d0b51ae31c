namespace StackRules.Host.Analyzer;

/// <summary>
/// The entries of the maps <see cref="StackRequestDecoder"/> is reading, one region per open map, stacked: a nested
/// value is read to the end (its region above its parent's) and taken out before its parent's next entry, so one
/// buffer per request serves every level and each finished map is copied once, at its exact size
/// (<see cref="PropertyTable{TValue}.Of(ReadOnlySpan{KeyValuePair{string, TValue}}, TableShapes?)"/>). A key seen again replaces its value in its first position, as protobuf
/// merges a map; past <see cref="LinearLimit"/> entries a region finds its keys through an index instead of a scan.
/// </summary>
/// <typeparam name="TValue">The value type.</typeparam>
internal sealed class EntryBuffer<TValue>
{
    /// <summary>The most entries a region scans for a repeated key; a larger region indexes its keys.</summary>
    public const int LinearLimit = 16;

    private KeyValuePair<string, TValue>[] entries = new KeyValuePair<string, TValue>[32];

    /// <summary>Where the next region starts (the end of the open ones).</summary>
    public int Top { get; private set; }

    /// <summary>
    /// Adds an entry to the region that starts at <paramref name="start"/> (the top region), or replaces the value of
    /// its key. <paramref name="index"/> is the region's key index, created here when the region outgrows a scan.
    /// </summary>
    public void Put(int start, string key, TValue value, ref Dictionary<string, int>? index)
    {
        if (index is not null)
        {
            if (index.TryGetValue(key, out var at))
            {
                entries[at] = new(key, value);
                return;
            }

            index[key] = Top;
        }
        else
        {
            for (var i = start; i < Top; i++)
            {
                if (string.Equals(entries[i].Key, key, StringComparison.Ordinal))
                {
                    entries[i] = new(key, value);
                    return;
                }
            }
        }

        if (Top == entries.Length)
        {
            Array.Resize(ref entries, entries.Length * 2);
        }

        entries[Top++] = new(key, value);
        if (index is null && Top - start > LinearLimit)
        {
            index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = start; i < Top; i++)
            {
                index[entries[i].Key] = i;
            }
        }
    }

    /// <summary>
    /// The entries of the region that starts at <paramref name="start"/>, to read or to replace values in place
    /// (keys unchanged); valid until the next change.
    /// </summary>
    public Span<KeyValuePair<string, TValue>> Region(int start) => entries.AsSpan(start, Top - start);

    /// <summary>Closes the region that starts at <paramref name="start"/> (and any above it).</summary>
    public void Truncate(int start)
    {
        entries.AsSpan(start, Top - start).Clear();
        Top = start;
    }
}

/// <summary>The items of the lists <see cref="StackRequestDecoder"/> is reading, stacked like <see cref="EntryBuffer{TValue}"/>.</summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class ItemBuffer<T>
{
    private T[] items = new T[32];

    /// <summary>Where the next region starts.</summary>
    public int Top { get; private set; }

    /// <summary>The item at <paramref name="index"/> of the open regions.</summary>
    public T this[int index] => items[index];

    /// <summary>Adds an item to the top region.</summary>
    public void Add(T item)
    {
        if (Top == items.Length)
        {
            Array.Resize(ref items, items.Length * 2);
        }

        items[Top++] = item;
    }

    /// <summary>
    /// The items of the region that starts at <paramref name="start"/>, copied into a read-only list of their count
    /// (<see cref="PropertyList{T}"/>), and the region closed.
    /// </summary>
    public IReadOnlyList<T> Take(int start)
    {
        var taken = PropertyList<T>.Of(items.AsSpan(start, Top - start));
        Truncate(start);
        return taken;
    }

    /// <summary>Closes the region that starts at <paramref name="start"/> (and any above it).</summary>
    public void Truncate(int start)
    {
        items.AsSpan(start, Top - start).Clear();
        Top = start;
    }
}
