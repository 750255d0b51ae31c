using FargateNetwork.Policies.Stack;
using Google.Protobuf.WellKnownTypes;
using BoolValue = FargateNetwork.Policies.Stack.BoolValue;
using NullValue = FargateNetwork.Policies.Stack.NullValue;
using StringValue = FargateNetwork.Policies.Stack.StringValue;

namespace FargateNetwork.Pack.Analyzer;

/// <summary>
/// Turns the engine's <c>google.protobuf.Struct</c> properties into <see cref="PropertyValue"/>s. The engine encodes
/// special values as objects holding the signature key <see cref="SignatureKey"/> (secrets, assets, archives, resource
/// references) and unknowns as sentinel strings (Pulumi's analyzer protocol, pulumi/pulumi sdk/go/common/resource/plugin/rpc.go). Secrets are kept as <see cref="SecretValue"/> so that
/// rules evaluate the plaintext but never print it; assets and archives are <see cref="UnknownValue"/> (no rule reads
/// them); a value with no kind set (a malformed Struct) is null.
/// </summary>
public static class PropertyDecoder
{
    /// <summary>The key that marks an object as a special value.</summary>
    public const string SignatureKey = "4dabf18193072939515e22adb298388d";

    /// <summary>Signature of a secret: <c>{sig: this, value: plaintext}</c>.</summary>
    public const string SecretSignature = "1b47061264138c4ac30d75fd1eb44270";

    /// <summary>Signature of a resource reference (only sent when the engine keeps resources, which it does not today).</summary>
    public const string ResourceReferenceSignature = "5cf8f73096256a8f31e491e813e4eb8e";

    /// <summary>
    /// The unknown sentinels: since CLI 3.249.0 every unknown is the string one; older engines send typed ones
    /// (bool, number, string, array, asset, archive, object).
    /// </summary>
    public static readonly IReadOnlySet<string> UnknownSentinels = new HashSet<string>(StringComparer.Ordinal)
    {
        "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
        "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
        "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
        "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
        "030794c1-ac77-496b-92df-f27374a8bd58",
        "e48ece36-62e2-4504-bad9-02848725956a",
        "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
    };

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
