using System.Collections;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace StackRules;

/// <summary>
/// The read-only items of a short list (a list property's values, a property's dependency URNs): held in the object
/// itself, as <see cref="PropertyTable{TValue}"/> holds a small object's entries, so a list costs one object, not a
/// list object and an array, and one object less to reach on a first read. <see cref="Of"/> picks one of exactly the
/// items' count for up to <see cref="MaxItems"/> items, and an array above (an array is a read-only list already).
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal abstract class PropertyList<T> : IReadOnlyList<T>
{
    /// <summary>The most items kept in the object itself; a longer list is an array.</summary>
    public const int MaxItems = 4;

    private PropertyList()
    {
    }

    /// <inheritdoc/>
    public int Count => Items.Length;

    /// <summary>The items, in place.</summary>
    private protected abstract Span<T> Items { get; }

    /// <inheritdoc/>
    public T this[int index] => Items[index];

    /// <summary>A read-only list of <paramref name="items"/>, copied: the empty array, a list of the exact count, or an array.</summary>
    public static IReadOnlyList<T> Of(ReadOnlySpan<T> items) => items.Length switch
    {
        0 => [],
        1 => new List<Items1>(items),
        2 => new List<Items2>(items),
        3 => new List<Items3>(items),
        4 => new List<Items4>(items),
        _ => items.ToArray(),
    };

    /// <inheritdoc/>
    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < Items.Length; i++)
        {
            yield return Items[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>A list whose items are its own fields, as many as <typeparamref name="TItems"/> holds.</summary>
    /// <typeparam name="TItems">An inline array of items (<see cref="Items1"/> to <see cref="Items4"/>).</typeparam>
    private sealed class List<TItems> : PropertyList<T>
        where TItems : struct
    {
        private TItems items;

        public List(ReadOnlySpan<T> from) => from.CopyTo(Items);

        private protected override Span<T> Items =>
            MemoryMarshal.CreateSpan(ref Unsafe.As<TItems, T>(ref items), Unsafe.SizeOf<TItems>() / Unsafe.SizeOf<T>());
    }

#pragma warning disable IDE0044, IDE0051, CS0169 // the one field of an inline array is its first element
    [InlineArray(1)]
    private struct Items1
    {
        private T first;
    }

    [InlineArray(2)]
    private struct Items2
    {
        private T first;
    }

    [InlineArray(3)]
    private struct Items3
    {
        private T first;
    }

    [InlineArray(4)]
    private struct Items4
    {
        private T first;
    }
#pragma warning restore IDE0044, IDE0051, CS0169
}
