using Google.Protobuf.WellKnownTypes;
using BoolValue = StackRules.BoolValue;
using NullValue = StackRules.NullValue;
using StringValue = StackRules.StringValue;

namespace StackRules.Host.Analyzer;

/// <summary>
/// Turns the engine's <c>google.protobuf.Struct</c> properties into <see cref="PropertyValue"/>s. The engine encodes
/// special values as objects holding the signature key <see cref="SignatureKey"/> (secrets, assets, archives, resource
/// references) and unknowns as sentinel strings (Pulumi's analyzer protocol, pulumi/pulumi sdk/go/common/resource/plugin/rpc.go). Secrets are kept as <see cref="SecretValue"/> so that
/// rules evaluate the plaintext but never print it; assets and archives are <see cref="UnknownValue"/> (no rule reads
/// them); a value with no kind set (a malformed Struct) is null.
/// </summary>
internal static class PropertyDecoder
{
    /// <summary>The key that marks an object as a special value.</summary>
    public const string SignatureKey = PulumiSignatures.Key;

    /// <summary>Signature of a secret: <c>{sig: this, value: plaintext}</c>.</summary>
    public const string SecretSignature = PulumiSignatures.Secret;

    /// <summary>Signature of a resource reference.</summary>
    public const string ResourceReferenceSignature = PulumiSignatures.ResourceReference;

    /// <summary>The unknown sentinels.</summary>
    public static IReadOnlySet<string> UnknownSentinels => PulumiSignatures.UnknownSentinels;

    /// <summary>Decodes a property bag; a missing Struct is an empty object.</summary>
    public static ObjectValue Decode(Struct? properties)
    {
        if (properties is null)
        {
            return ObjectValue.Empty;
        }

        var result = new Dictionary<string, PropertyValue>(properties.Fields.Count, StringComparer.Ordinal);
        foreach (var (key, value) in properties.Fields)
        {
            result[key] = Decode(value);
        }

        return new ObjectValue(result);
    }

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
                return UnknownSentinels.Contains(value.StringValue) ? UnknownValue.Instance : new StringValue(value.StringValue);
            case Value.KindOneofCase.ListValue:
                return new ArrayValue(value.ListValue.Values.Select(Decode).ToList());
            case Value.KindOneofCase.StructValue:
                return DecodeObject(value.StructValue);
            default:
                return UnknownValue.Instance;
        }
    }

    private static PropertyValue DecodeObject(Struct structValue)
    {
        if (!structValue.Fields.TryGetValue(SignatureKey, out var signature))
        {
            return Decode(structValue);
        }

        var kind = signature.KindCase == Value.KindOneofCase.StringValue ? signature.StringValue : null;
        switch (kind)
        {
            case SecretSignature:
                // A secret without a value is still secret; its content is not known.
                return new SecretValue(structValue.Fields.TryGetValue("value", out var inner) ? Decode(inner) : UnknownValue.Instance);
            case ResourceReferenceSignature
                when structValue.Fields.TryGetValue("urn", out var urn) && urn.KindCase == Value.KindOneofCase.StringValue:
                return new ReferenceValue(urn.StringValue, "id");
            default:
                // Assets, archives, output values and signatures this pack does not know: no rule reads them.
                return UnknownValue.Instance;
        }
    }
}
