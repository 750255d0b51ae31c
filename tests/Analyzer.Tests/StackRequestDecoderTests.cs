using FargateNetwork.Policies.Pack;
using System.Globalization;
using System.Text;
using StackRules.Host.Analyzer;
using StackRules.Host.Analyzer.Protocol;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using BoolValue = StackRules.BoolValue;
using NullValue = StackRules.NullValue;
using StringValue = StackRules.StringValue;

namespace FargateNetwork.Analyzer.Tests;

/// <summary>
/// The wire decoder of AnalyzeStack against the path it replaces (Google.Protobuf's parse, then
/// <see cref="PropertyDecoder"/> and <see cref="AnalyzerService.StackResourceOf"/>): the same resources for random
/// requests, for merged (concatenated) messages, and for corrupted bytes it either decodes identically or rejects.
/// </summary>
public sealed class StackRequestDecoderTests
{
    private static readonly string[] Keys = ["vpcId", "subnetId", "subnets", "securityGroups", "cidrBlock", "tags", "id", "name", "value", "urn", PulumiSignatures.Key];
    private static readonly string[] Types = ["aws:ec2/vpc:Vpc", "aws:ec2/subnet:Subnet", "aws:ec2/securityGroup:SecurityGroup", "aws:ecs/service:Service"];

    [Fact]
    public void RandomRequestsDecodeAsTheProtobufTreeDoes()
    {
        var random = new Random(11);
        for (var i = 0; i < 400; i++)
        {
            var request = RandomRequest(random);
            AssertSame(Expected(request), StackRequestDecoder.Decode(request.ToByteArray(), FargatePack.References));
        }
    }

    [Fact]
    public void ConcatenatedMessagesMergeAsProtobufMerges()
    {
        var random = new Random(12);
        for (var i = 0; i < 200; i++)
        {
            // Two encodings of one resource in one field: protobuf merges them (maps overwrite per key, repeated fields
            // append, a Struct in a Value merges, the last scalar wins).
            var first = RandomResource(random, 0);
            var second = RandomResource(random, 1);
            var body = first.ToByteArray().Concat(second.ToByteArray()).ToArray();
            var wire = new MemoryStream();
            var output = new CodedOutputStream(wire);
            output.WriteTag(1, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(body));
            output.Flush();
            var bytes = wire.ToArray();
            AssertSame(Expected(AnalyzeStackRequest.Parser.ParseFrom(bytes)), StackRequestDecoder.Decode(bytes, FargatePack.References));
        }
    }

    [Fact]
    public void CorruptedBytesAreDecodedIdenticallyOrRejected()
    {
        var random = new Random(13);
        var rejected = 0;
        for (var i = 0; i < 600; i++)
        {
            var bytes = RandomRequest(random).ToByteArray();
            if (bytes.Length == 0)
            {
                continue;
            }

            if (i % 2 == 0)
            {
                bytes = bytes[..random.Next(bytes.Length)];
            }
            else
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            AnalyzeStackRequest? parsed = null;
            try
            {
                parsed = AnalyzeStackRequest.Parser.ParseFrom(bytes);
            }
            catch (InvalidProtocolBufferException)
            {
            }

            List<StackResource>? decoded = null;
            try
            {
                decoded = StackRequestDecoder.Decode(bytes, FargatePack.References);
            }
            catch (InvalidDataException)
            {
                rejected++;
            }

            if (parsed is not null && decoded is not null && parsed.Resources.All(r => r.Urn.Length > 0 && r.Type.Length > 0))
            {
                AssertSame(Expected(parsed), decoded);
            }
        }

        Assert.True(rejected > 0, "no corruption was rejected: the test does not corrupt");
    }

    [Fact]
    public void NestingIsLimitedWhileReading()
    {
        Assert.Single(StackRequestDecoder.Decode(Nested(StackRequestDecoder.MaxPropertyDepth - 1).ToByteArray(), FargatePack.References));
        var e = Assert.Throws<InvalidDataException>(() => StackRequestDecoder.Decode(Nested(StackRequestDecoder.MaxPropertyDepth + 1).ToByteArray(), FargatePack.References));
        Assert.Contains("nested more than 512", e.Message, StringComparison.Ordinal);
    }

    /// <summary>A request whose one resource has a property nested <paramref name="depth"/> objects deep.</summary>
    internal static AnalyzeStackRequest Nested(int depth)
    {
        var leaf = Value.ForString("x");
        for (var i = 0; i < depth; i++)
        {
            leaf = Value.ForStruct(new Struct { Fields = { ["statement"] = leaf } });
        }

        var request = new AnalyzeStackRequest();
        request.Resources.Add(new AnalyzerResource
        {
            Urn = "urn:pulumi:s::p::aws:wafv2/webAcl:WebAcl::acl",
            Type = "aws:wafv2/webAcl:WebAcl",
            Properties = new Struct { Fields = { ["rules"] = leaf } },
        });
        return request;
    }

    internal static List<StackResource> Expected(AnalyzeStackRequest request) => request.Resources.Select(r => AnalyzerService.StackResourceOf(r, FargatePack.References)).ToList();

    internal static void AssertSame(List<StackResource> expected, List<StackResource> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(Show(expected[i]), Show(actual[i]));
        }
    }

    private static string Show(StackResource r) =>
        $"{r.Urn}|{r.Type}|{r.Name}|{r.Id}|{r.Parent}|{Show(r.Inputs)}|{Show(r.Outputs!)}|"
        + string.Join(";", r.PropertyDependencies!.Select(d => $"{d.Key}=[{string.Join(",", d.Value)}]"))
        + $"|deps [{string.Join(",", r.Dependencies ?? [])}]|options {Show(r.Options)}|provider {r.Provider?.Type}/{r.Provider?.Name}/{r.Provider?.Urn}/{(r.Provider is { } p ? Show(p.Properties) : "")}";

    private static string Show(ResourceOptions? o) => o is null
        ? "-"
        : $"{o.Protect},{o.DeleteBeforeReplace},[{string.Join(",", o.IgnoreChanges)}],[{string.Join(",", o.AdditionalSecretOutputs)}],[{string.Join(",", o.Aliases)}]";

    private static string Show(PropertyValue value) => value switch
    {
        NullValue => "null",
        BoolValue b => b.Value ? "true" : "false",
        NumberValue n => n.Value.ToString("R", CultureInfo.InvariantCulture),
        StringValue s => $"\"{s.Value}\"",
        UnknownValue => "?",
        SecretValue s => $"secret({Show(s.Inner)})",
        ReferenceValue r => $"ref({r.TargetUrn}.{r.Property})",
        ArrayValue a => $"[{string.Join(",", a.Items.Select(Show))}]",
        ObjectValue o => $"{{{string.Join(",", o.Properties.Select(p => $"{p.Key}:{Show(p.Value)}"))}}}",
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    private static AnalyzeStackRequest RandomRequest(Random random)
    {
        var request = new AnalyzeStackRequest();
        var count = random.Next(0, 6);
        for (var i = 0; i < count; i++)
        {
            request.Resources.Add(RandomResource(random, i));
        }

        return request;
    }

    internal static AnalyzerResource RandomResource(Random random, int index)
    {
        var type = Types[random.Next(Types.Length)];
        var resource = new AnalyzerResource
        {
            Type = type,
            Urn = $"urn:pulumi:s::p::{type}::r{index}",
            Name = random.Next(3) == 0 ? "" : $"r{index}",
            Parent = random.Next(3) == 0 ? "urn:pulumi:s::p::pulumi:pulumi:Stack::p-s" : "",
        };
        if (random.Next(5) > 0)
        {
            resource.Properties = RandomStruct(random, 0);
        }

        for (var i = random.Next(4); i > 0; i--)
        {
            var dependencies = new AnalyzerPropertyDependencies();
            for (var j = random.Next(4); j > 0; j--)
            {
                var target = Types[random.Next(Types.Length)];
                dependencies.Urns.Add($"urn:pulumi:s::p::{target}::d{random.Next(3)}");
            }

            resource.PropertyDependencies[Keys[random.Next(Keys.Length)]] = dependencies;
        }

        if (random.Next(3) > 0)
        {
            resource.Options = new AnalyzerResourceOptions { Protect = random.Next(2) == 0, DeleteBeforeReplace = random.Next(2) == 0 };
            for (var i = random.Next(3); i > 0; i--)
            {
                resource.Options.IgnoreChanges.Add(Keys[random.Next(Keys.Length)]);
                resource.Options.Aliases.Add($"urn:pulumi:s::p::{type}::old{i}");
            }
        }

        if (random.Next(3) == 0)
        {
            resource.Provider = new AnalyzerProviderResource
            {
                Type = "pulumi:providers:aws",
                Name = "default",
                Urn = "urn:pulumi:s::p::pulumi:providers:aws::default",
                Properties = RandomStruct(random, 0),
            };
        }

        for (var i = random.Next(3); i > 0; i--)
        {
            resource.Dependencies.Add($"urn:pulumi:s::p::aws:ec2/vpc:Vpc::d{i}");
        }

        return resource;
    }

    private static Struct RandomStruct(Random random, int depth)
    {
        var result = new Struct();
        for (var i = random.Next(5); i > 0; i--)
        {
            result.Fields[Keys[random.Next(Keys.Length)]] = RandomValue(random, depth + 1);
        }

        return result;
    }

    private static Value RandomValue(Random random, int depth)
    {
        switch (random.Next(depth > 4 ? 6 : 10))
        {
            case 0: return Value.ForNull();
            case 1: return Value.ForBool(random.Next(2) == 0);
            case 2: return Value.ForNumber(random.NextDouble() * 1000);
            case 3: return Value.ForString(PulumiSignatures.UnknownSentinels.ElementAt(random.Next(PulumiSignatures.UnknownSentinels.Count)));
            case 4: return Value.ForString(random.Next(2) == 0 ? $"urn:pulumi:s::p::{Types[random.Next(Types.Length)]}::d1" : "ünï\u00e7ode-" + random.Next(5));
            case 5: return new Value();
            case 6:
                return Value.ForList(Enumerable.Range(0, random.Next(4)).Select(_ => RandomValue(random, depth + 1)).ToArray());
            case 7:
                var secret = new Struct { Fields = { [PulumiSignatures.Key] = Value.ForString(PulumiSignatures.Secret) } };
                if (random.Next(4) > 0)
                {
                    secret.Fields["value"] = RandomValue(random, depth + 1);
                }

                return Value.ForStruct(secret);
            case 8:
                return Value.ForStruct(new Struct
                {
                    Fields =
                    {
                        [PulumiSignatures.Key] = Value.ForString(random.Next(2) == 0 ? PulumiSignatures.ResourceReference : "c44067f5952c0a294b673a41bacd8c17"),
                        ["urn"] = random.Next(3) == 0 ? Value.ForNumber(1) : Value.ForString("urn:pulumi:s::p::aws:ec2/vpc:Vpc::v"),
                    },
                });
            default:
                return Value.ForStruct(RandomStruct(random, depth));
        }
    }

    internal static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
