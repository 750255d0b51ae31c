using Google.Protobuf.WellKnownTypes;
using WireValue = Google.Protobuf.WellKnownTypes.Value;

namespace StackRules.Host.Analyzer;

/// <summary>
/// Turns <see cref="PropertyValue"/>s back into the engine's <c>Struct</c> encoding (for <c>Remediate</c>'s new
/// properties): secrets as signed objects, unknowns as the unknown sentinel, resource references as signed
/// references; the inverse of <see cref="PropertyDecoder"/>.
/// </summary>
internal static class PropertyEncoder
{
    public static Struct Encode(ObjectValue properties)
    {
        var result = new Struct();
        foreach (var (name, value) in properties.Properties)
        {
            result.Fields[name] = Encode(value, 0);
        }

        return result;
    }

    private static WireValue Encode(PropertyValue value, int depth)
    {
        if (depth > StackRequestDecoder.MaxPropertyDepth)
        {
            throw new InvalidOperationException($"a remediated property nests deeper than {StackRequestDecoder.MaxPropertyDepth} levels");
        }

        switch (value)
        {
            case BoolValue b:
                return WireValue.ForBool(b.Value);
            case NumberValue n:
                return WireValue.ForNumber(n.Value);
            case StringValue s:
                return WireValue.ForString(s.Value);
            case ArrayValue a:
                return WireValue.ForList(a.Items.Select(i => Encode(i, depth + 1)).ToArray());
            case ObjectValue o:
                var obj = new Struct();
                foreach (var (name, child) in o.Properties)
                {
                    obj.Fields[name] = Encode(child, depth + 1);
                }

                return WireValue.ForStruct(obj);
            case SecretValue secret:
                var signed = new Struct();
                signed.Fields[PulumiSignatures.Key] = WireValue.ForString(PulumiSignatures.Secret);
                signed.Fields["value"] = Encode(secret.Inner, depth + 1);
                return WireValue.ForStruct(signed);
            case ReferenceValue reference:
                var r = new Struct();
                r.Fields[PulumiSignatures.Key] = WireValue.ForString(PulumiSignatures.ResourceReference);
                r.Fields["urn"] = WireValue.ForString(reference.TargetUrn);
                return WireValue.ForStruct(r);
            case UnknownValue:
                return WireValue.ForString(PulumiSignatures.UnknownSentinel);
            default:
                return WireValue.ForNull();
        }
    }
}
