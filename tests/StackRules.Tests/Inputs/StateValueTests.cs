using System.Text;
using System.Text.Json;
using StackRules.Inputs;

namespace StackRules.Tests.Inputs;

/// <summary>
/// <see cref="StateValue.Convert"/> on objects: small ones become tables, larger ones dictionaries, and both read as
/// a dictionary filled in document order would (a repeated name keeps its first position and its last value).
/// </summary>
public class StateValueTests
{
    [Fact]
    public void ObjectsReadAsADictionaryFilledInOrder()
    {
        var random = new Random(31);
        for (var i = 0; i < 2_000; i++)
        {
            var json = RandomObject(random, 0);
            using var document = JsonDocument.Parse(json);
            var converted = StateValue.Convert(document.RootElement);
            var expected = Reference(document.RootElement);
            Assert.True(PropertyValue.Same(expected, converted), $"{json}: converted differently");
            Assert.Equal(Keys(expected), Keys(converted));
        }
    }

    [Fact]
    public void ARepeatedNameKeepsItsFirstPlaceAndItsLastValue()
    {
        using var document = JsonDocument.Parse("""{"a": 1, "b": 2, "a": 3}""");
        var properties = ((ObjectValue)StateValue.Convert(document.RootElement)).Properties;
        Assert.Equal(["a", "b"], properties.Keys);
        Assert.Equal(new NumberValue(3), properties["a"]);
    }

    /// <summary>An object of 0 to 12 members (around the table's limit of 8), names from a small set so that some repeat.</summary>
    private static string RandomObject(Random random, int depth)
    {
        var text = new StringBuilder("{");
        var members = random.Next(13);
        for (var m = 0; m < members; m++)
        {
            text.Append(m > 0 ? "," : "").Append('"').Append((char)('a' + random.Next(10))).Append("\":");
            text.Append((random.Next(4), depth < 3) switch
            {
                (0, true) => RandomObject(random, depth + 1),
                (1, true) => $"[{RandomObject(random, depth + 1)}, {random.Next(9)}]",
                (2, _) => $"\"{random.Next(5)}\"",
                _ => random.Next(9).ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
        }

        return text.Append('}').ToString();
    }

    /// <summary>What the conversion must give, by the plainest means: a dictionary, member by member.</summary>
    private static PropertyValue Reference(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new ObjectValue(element.EnumerateObject().Aggregate(
            new Dictionary<string, PropertyValue>(StringComparer.Ordinal), (map, p) => { map[p.Name] = Reference(p.Value); return map; })),
        JsonValueKind.Array => new ArrayValue([.. element.EnumerateArray().Select(Reference)]),
        JsonValueKind.String => new StringValue(element.GetString()!),
        _ => new NumberValue(element.GetDouble()),
    };

    private static List<string> Keys(PropertyValue value) => value is ObjectValue o ? [.. o.Properties.Keys] : [];
}
