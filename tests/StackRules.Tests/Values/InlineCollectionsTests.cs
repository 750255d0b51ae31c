namespace StackRules.Tests.Values;

/// <summary>
/// The small objects and lists that hold their entries in their own fields (<see cref="PropertyTable{TValue}"/>,
/// <see cref="PropertyList{T}"/>) read as the entries they were made of, for every size up to past the inline ones:
/// count, order, lookups of every key and of absent ones, the entries in place and copied; tables made through
/// <see cref="TableShapes"/> (sharing their keys' array) too, a value set in place, and the shapes shared exactly by
/// tables of the same key objects in the same order.
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
            if (PropertyTable<PropertyValue>.TryGetTable(table, out var inPlace))
            {
                Assert.True(count <= PropertyTable<PropertyValue>.MaxEntries);
                Assert.Equal(entries, Enumerable.Range(0, inPlace.Count).Select(i => KeyValuePair.Create(inPlace.KeyAt(i), inPlace.ValueAt(i))));
            }
        }
    }

    [Fact]
    public void ShapedTablesReadAsTheirEntries()
    {
        var random = new Random(63);
        var shapes = new TableShapes();
        string[] vocabulary = ["vpcId", "cidrBlock", "tags", "availabilityZone", "id", "arn", "name", "mapPublicIpOnLaunch", "ipv6", "region"];
        for (var round = 0; round < 4_000; round++)
        {
            var count = random.Next(0, PropertyTable<PropertyValue>.MaxEntries + 3);
            var entries = vocabulary.OrderBy(_ => random.Next(3)).Take(count)
                .Select(k => KeyValuePair.Create(random.Next(10) == 0 ? new string(k.AsSpan()) : k, (PropertyValue)new NumberValue(random.Next())))
                .ToArray();
            var table = PropertyTable<PropertyValue>.Of(entries, shapes);
            Assert.Equal(entries, table);
            Assert.Equal(entries.Select(e => e.Key), table.Keys);
            foreach (var (key, value) in entries)
            {
                Assert.True(table.TryGetValue(new string(key.AsSpan()), out var found));
                Assert.Same(value, found);
            }

            Assert.False(table.ContainsKey("absent"));
            Assert.Equal(entries, PropertyTable<PropertyValue>.CopyOf(table));
            if (entries.Length > 0 && PropertyTable<PropertyValue>.TryGetTable(table, out var inPlace))
            {
                var at = random.Next(entries.Length);
                var value = new StringValue("set");
                Assert.True(PropertyTable<PropertyValue>.TrySetValue(table, at, value));
                Assert.Same(value, table[entries[at].Key]);
                Assert.Equal(entries.Select((e, i) => i == at ? KeyValuePair.Create(e.Key, (PropertyValue)value) : e), table);
                Assert.Equal(entries.Length, inPlace.Count);
            }
        }
    }

    [Fact]
    public void TablesShareAShapeExactlyWhenTheirKeysAreTheSameObjectsInOrder()
    {
        var shapes = new TableShapes();
        string a = "a", b = "b", c = "c", otherB = new("b".AsSpan());
        static KeyValuePair<string, int>[] Entries(params string[] keys) => keys.Select(k => KeyValuePair.Create(k, 0)).ToArray();
        var abc = shapes.KeysOf<int>(Entries(a, b, c));
        Assert.Equal(["a", "b", "c"], abc);
        Assert.Same(abc, shapes.KeysOf<int>(Entries(a, b, c)));
        Assert.NotSame(abc, shapes.KeysOf<int>(Entries(a, c, b)));
        Assert.NotSame(abc, shapes.KeysOf<int>(Entries(a, b)));
        Assert.NotSame(abc, shapes.KeysOf<int>(Entries(a, b, c, a)));
        var withOther = shapes.KeysOf<int>(Entries(a, otherB, c));
        Assert.NotSame(abc, withOther);
        Assert.Equal(abc, withOther);
        Assert.Same(shapes.KeysOf<int>(Entries(a, b)), shapes.KeysOf<int>(Entries(a, b)));
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
