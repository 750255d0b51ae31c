using Google.Protobuf.WellKnownTypes;
using BoolValue = StackRules.BoolValue;
using NullValue = StackRules.NullValue;
using StringValue = StackRules.StringValue;

namespace StackRules.Host.Analyzer;

/// <summary>
/// Turns the engine's <c>google.protobuf.Struct</c> properties into <see cref="PropertyValue"/>s. The engine encodes
/// special values as objects holding the signature key <see cref="PulumiSignatures.Key"/> (secrets, assets, archives, resource
/// references) and unknowns as sentinel strings (Pulumi's analyzer protocol, pulumi/pulumi sdk/go/common/resource/plugin/rpc.go). Secrets are kept as <see cref="SecretValue"/> so that
/// rules evaluate the plaintext but never print it; assets and archives are <see cref="UnknownValue"/> (no rule reads
/// them); a value with no kind set (a malformed Struct) is null.
/// </summary>
internal static class PropertyDecoder
{
    /// <summary>Decodes a property bag; a missing Struct is an empty object.</summary>
    public static ObjectValue Decode(Struct? properties) => properties is null ? ObjectValue.Empty : new ObjectValue(Fields(properties));

    /// <summary>Decodes one value.</summary>
    public static PropertyValue Decode(Value? value)
    {
        switch (value?.KindCase)
        {
            case null:
            case Value.KindOneofCase.None:
            case Value.KindOneofCase.NullValue:
                return NullValue.Instance;
            case Value.KindOneofCase.BoolValue:
                return new BoolValue(value.BoolValue);
            case Value.KindOneofCase.NumberValue:
                return new NumberValue(value.NumberValue);
            case Value.KindOneofCase.StringValue:
                return PulumiSignatures.UnknownSentinels.Contains(value.StringValue) ? UnknownValue.Instance : new StringValue(value.StringValue);
            case Value.KindOneofCase.ListValue:
                return new ArrayValue(value.ListValue.Values.Select(Decode).ToList());
            case Value.KindOneofCase.StructValue:
                return Signed(Fields(value.StructValue));
            default:
                return UnknownValue.Instance;
        }
    }

    private static Dictionary<string, PropertyValue> Fields(Struct properties)
    {
        var result = new Dictionary<string, PropertyValue>(properties.Fields.Count, StringComparer.Ordinal);
        foreach (var (key, value) in properties.Fields)
        {
            result[key] = Decode(value);
        }

        return result;
    }

    /// <summary>
    /// A decoded object of the protocol, whatever it was decoded from (a Struct here, the wire in
    /// <see cref="StackRequestDecoder"/>): a plain object, or the special value its signature names. A secret keeps
    /// its value (unknown without one); a resource reference is its id; assets, archives, output values and
    /// signatures this SDK does not know are unknown: no rule reads them.
    /// </summary>
    internal static PropertyValue Signed(Dictionary<string, PropertyValue> fields)
    {
        if (!fields.TryGetValue(PulumiSignatures.Key, out var signature))
        {
            return new ObjectValue(fields);
        }

        switch ((signature as StringValue)?.Value)
        {
            case PulumiSignatures.Secret:
                return new SecretValue(fields.TryGetValue("value", out var inner) ? inner : UnknownValue.Instance);
            case PulumiSignatures.ResourceReference when fields.TryGetValue("urn", out var urn) && urn is StringValue target:
                return new ReferenceValue(target.Value, "id");
            default:
                return UnknownValue.Instance;
        }
    }
}
