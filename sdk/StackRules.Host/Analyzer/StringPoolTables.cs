namespace StackRules.Host.Analyzer;

/// <summary>
/// The tables of the string pools (<see cref="StringPool"/>), kept from one <c>AnalyzeStack</c> call to the next: a
/// pool's table is as large as the request has distinct strings (a third of a megabyte at 10,000 resources), made
/// again for every call otherwise. A table comes back emptied (so nothing of a request outlives its call) and is kept
/// only up to <see cref="MaxKeptCapacity"/> entries, <see cref="MaxKept"/> of them (one per part a request is read in).
/// </summary>
internal static class StringPoolTables
{
    /// <summary>The most tables kept (a request is read in at most 8 parts).</summary>
    public const int MaxKept = 8;

    /// <summary>A larger table is dropped when it comes back, so a huge request's memory is not held after it.</summary>
    public const int MaxKeptCapacity = 1 << 17;

    private static readonly Stack<Dictionary<string, object?>> Kept = new();

    /// <summary>An empty table for at least <paramref name="capacity"/> strings: a kept one, else a new one.</summary>
    public static Dictionary<string, object?> Rent(int capacity)
    {
        lock (Kept)
        {
            if (Kept.TryPop(out var table))
            {
                table.EnsureCapacity(capacity);
                return table;
            }
        }

        return new Dictionary<string, object?>(capacity, Utf8KeyComparer.Instance);
    }

    /// <summary>Gives a table back: emptied, and kept when it is not too large and fewer than the most are kept.</summary>
    public static void Return(Dictionary<string, object?> table)
    {
        if (table.EnsureCapacity(0) > MaxKeptCapacity)
        {
            return;
        }

        table.Clear();
        lock (Kept)
        {
            if (Kept.Count < MaxKept)
            {
                Kept.Push(table);
            }
        }
    }

    /// <summary>How many tables are kept now (tests).</summary>
    internal static int KeptCount
    {
        get
        {
            lock (Kept)
            {
                return Kept.Count;
            }
        }
    }
}
