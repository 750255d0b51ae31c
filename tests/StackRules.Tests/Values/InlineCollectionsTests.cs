namespace StackRules.Tests.Values;

/// <summary>
/// The small objects and lists that hold their entries in their own fields (<see cref="PropertyTable{TValue}"/>,
/// <see cref="PropertyList{T}"/>) read as the entries they were made of, for every size up to past the inline ones:
/// count, order, lookups of every key and of absent ones, the entries in place and copied.
/// </summary>
public class InlineCollectionsTests
{
    [Fact]
    public void ATableReadsAsItsEntries()
    {
        var random = new Random(61);
        for (var round = 0; round < 2_000; round++)
        {
            var count = random.Next(0, PropertyTable<PropertyValue>.MaxEntries + 4);
            var entries = Enumerable.Range(0, count)
                .Select(i => new KeyValuePair<string, PropertyValue>($"k{i}-{random.Next(1000)}", new NumberValue(random.Next())))
                .DistinctBy(e => e.Key)
                .ToArray();
            var table = PropertyTable<PropertyValue>.Of(entries);
            Assert.Equal(entries.Length, table.Count);
            Assert.Equal(entries, table);
            Assert.Equal(entries.Select(e => e.Key), table.Keys);
            Assert.Equal(entries.Select(e => e.Value), table.Values);
            foreach (var (key, value) in entries)
            {
                Assert.True(table.TryGetValue(key, out var found));
                Assert.Same(value, found);
                Assert.Same(value, table[key]);
                Assert.True(table.ContainsKey(key));
            }

            Assert.False(table.TryGetValue("absent", out _));
            Assert.False(table.ContainsKey("k"));
            Assert.Throws<KeyNotFoundException>(() => table["absent"]);
            Assert.Equal(entries, PropertyTable<PropertyValue>.CopyOf(table));
            if (PropertyTable<PropertyValue>.TryGetEntries(table, out var inPlace))
            {
                Assert.True(count <= PropertyTable<PropertyValue>.MaxEntries);
                Assert.Equal(entries, inPlace.ToArray());
            }
        }
    }

    [Fact]
    public void AListReadsAsItsItems()
    {
        var random = new Random(62);
        for (var round = 0; round < 2_000; round++)
        {
            var items = Enumerable.Range(0, random.Next(0, PropertyList<string>.MaxItems + 4)).Select(_ => $"urn-{random.Next()}").ToArray();
            var list = PropertyList<string>.Of(items);
            Assert.Equal(items.Length, list.Count);
            Assert.Equal(items, list);
            for (var i = 0; i < items.Length; i++)
            {
                Assert.Same(items[i], list[i]);
            }

            Assert.ThrowsAny<Exception>(() => list[items.Length]);
        }
    }
}
