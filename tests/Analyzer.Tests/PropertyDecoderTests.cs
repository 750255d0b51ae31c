using StackRules.Host.Analyzer;
using Google.Protobuf.WellKnownTypes;
using BoolValue = StackRules.BoolValue;
using NullValue = StackRules.NullValue;
using StringValue = StackRules.StringValue;

namespace FargateNetwork.Analyzer.Tests;

public sealed class PropertyDecoderTests
{
    [Theory]
    [InlineData("1c4a061d-8072-4f0a-a4cb-0ff528b18fe7")]
    [InlineData("3eeb2bf0-c639-47a8-9e75-3b44932eb421")]
    [InlineData("04da6b54-80e4-46f7-96ec-b56ff0331ba9")]
    [InlineData("6a19a0b0-7e62-4c92-b797-7f8e31da9cc2")]
    [InlineData("030794c1-ac77-496b-92df-f27374a8bd58")]
    [InlineData("e48ece36-62e2-4504-bad9-02848725956a")]
    [InlineData("dd056dcd-154b-4c76-9bd3-c8f88648b5ff")]
    public void EverySentinelIsUnknown(string sentinel) =>
        Assert.Same(UnknownValue.Instance, PropertyDecoder.Decode(Value.ForString(sentinel)));

    [Fact]
    public void SecretsKeepTheirPlaintextInsideASecretValue()
    {
        var secret = Value.ForStruct(new Struct
        {
            Fields =
            {
                [PulumiSignatures.Key] = Value.ForString(PulumiSignatures.Secret),
                ["value"] = Value.ForList(Value.ForString("a"), Value.ForString(PreviewFixture.Unknown)),
            },
        });
        var decoded = Assert.IsType<SecretValue>(PropertyDecoder.Decode(secret));
        var items = Assert.IsType<ArrayValue>(decoded.Inner).Items;
        Assert.Equal(new StringValue("a"), items[0]);
        Assert.Same(UnknownValue.Instance, items[1]);
    }

    [Fact]
    public void PlainValuesKeepTheirShape()
    {
        var properties = new Struct
        {
            Fields =
            {
                ["n"] = Value.ForNumber(443),
                ["b"] = Value.ForBool(true),
                ["s"] = Value.ForString("10.0.0.0/16"),
                ["z"] = Value.ForNull(),
                ["o"] = Value.ForStruct(new Struct { Fields = { ["k"] = Value.ForString("v") } }),
            },
        };
        var decoded = PropertyDecoder.Decode(properties).Properties;
        Assert.Equal(new NumberValue(443), decoded["n"]);
        Assert.Equal(new BoolValue(true), decoded["b"]);
        Assert.Equal(new StringValue("10.0.0.0/16"), decoded["s"]);
        Assert.Same(NullValue.Instance, decoded["z"]);
        Assert.Equal(new StringValue("v"), Assert.IsType<ObjectValue>(decoded["o"]).Properties["k"]);
    }

    [Fact]
    public void AssetsArchivesAndUnknownSignaturesAreUnknownAndReferencesAreReferences()
    {
        Value Special(string signature, params (string Key, Value Value)[] fields)
        {
            var s = new Struct { Fields = { [PulumiSignatures.Key] = Value.ForString(signature) } };
            foreach (var (key, value) in fields)
            {
                s.Fields[key] = value;
            }

            return Value.ForStruct(s);
        }

        Assert.Same(UnknownValue.Instance, PropertyDecoder.Decode(Special("c44067f5952c0a294b673a41bacd8c17", ("text", Value.ForString("hello")))));
        Assert.Same(UnknownValue.Instance, PropertyDecoder.Decode(Special("0def7320c3a5731c473e5ecbe6d01bc7", ("path", Value.ForString("./dir")))));
        Assert.Same(UnknownValue.Instance, PropertyDecoder.Decode(Special("d0e6a833031e9bbcd3f4e8bde6ca49a4")));
        Assert.Equal(
            new ReferenceValue("urn:pulumi:s::p::aws:ec2/vpc:Vpc::v", "id"),
            PropertyDecoder.Decode(Special(PulumiSignatures.ResourceReference, ("urn", Value.ForString("urn:pulumi:s::p::aws:ec2/vpc:Vpc::v")))));
        Assert.Same(NullValue.Instance, PropertyDecoder.Decode(new Value()));
        Assert.Same(ObjectValue.Empty, PropertyDecoder.Decode((Struct?)null));
    }
}
