namespace StackRules;

/// <summary>
/// The key arrays of one reader's tables (<see cref="PropertyTable{TValue}"/>), one per distinct sequence of keys: every
/// table with the same keys in the same order shares one array, found by walking a tree of the keys met (a child per
/// key, compared by reference: a reader's keys are its pool's strings, so equal keys are the same string). A key that
/// is another string of the same text makes another path: a shape less shared, never a wrong one. The tree grows by
/// at most one node per entry read, so it is bounded by the input. Not thread-safe: one per reading.
/// </summary>
internal sealed class TableShapes
{
    private readonly Node root = new(null);

    /// <summary>The shared array of the keys of <paramref name="entries"/>, in order.</summary>
    public string[] KeysOf<TValue>(ReadOnlySpan<KeyValuePair<string, TValue>> entries)
    {
        var node = root;
        foreach (var entry in entries)
        {
            var child = node.First;
            while (child is not null && !ReferenceEquals(child.Key, entry.Key))
            {
                child = child.Next;
            }

            if (child is null)
            {
                child = new Node(entry.Key) { Next = node.First };
                node.First = child;
            }

            node = child;
        }

        if (node.Keys is null)
        {
            var keys = new string[entries.Length];
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = entries[i].Key;
            }

            node.Keys = keys;
        }

        return node.Keys;
    }

    /// <summary>A key after the keys on the way to it: its children, its next sibling, and the array of the keys to it once a table ends here.</summary>
    private sealed class Node(string? key)
    {
        public string? Key { get; } = key;

        public Node? First { get; set; }

        public Node? Next { get; set; }

        public string[]? Keys { get; set; }
    }
}
