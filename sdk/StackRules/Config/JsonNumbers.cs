using System.Text.Json;
using System.Text.Json.Nodes;

namespace StackRules;

/// <summary>
/// Reads a JSON number whatever backs the node: parsed JSON (a <see cref="JsonElement"/>) or a value created in code
/// (<c>JsonValue.Create(5)</c> holds an <see cref="int"/>, which <c>TryGetValue&lt;double&gt;</c> does not convert).
/// </summary>
internal static class JsonNumbers
{
    public static bool TryGet(JsonNode? node, out double number)
    {
        number = 0;
        if (node is not JsonValue value)
        {
            return false;
        }

        if (value.TryGetValue(out JsonElement element))
        {
            return element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out number);
        }

        (var ok, number) = value switch
        {
            _ when value.TryGetValue(out double d) => (true, d),
            _ when value.TryGetValue(out int i) => (true, i),
            _ when value.TryGetValue(out long l) => (true, l),
            _ when value.TryGetValue(out float f) => (true, f),
            _ when value.TryGetValue(out decimal m) => (true, (double)m),
            _ when value.TryGetValue(out uint u) => (true, u),
            _ when value.TryGetValue(out ulong ul) => (true, ul),
            _ when value.TryGetValue(out short s) => (true, s),
            _ when value.TryGetValue(out byte b) => (true, b),
            _ => (false, 0d),
        };
        return ok;
    }
}
