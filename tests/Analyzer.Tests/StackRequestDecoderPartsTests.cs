using FargateNetwork.Policies.Pack;
using FargateNetwork.Tests.Shared;
using StackRules.Host.Analyzer;
using StackRules.Inputs;
using StackRules.Host.Analyzer.Protocol;
using Google.Protobuf;

namespace FargateNetwork.Analyzer.Tests;

/// <summary>
/// A request read in parts on several threads (<see cref="StackRequestDecoder.MinPartBytes"/>) against the same
/// request read in one: the same resources in the same order, the same first resource for every URN, the same
/// resources with secrets, and for corrupted bytes the same error.
/// </summary>
public sealed class StackRequestDecoderPartsTests
{
    [Fact]
    public void PartsGiveWhatOneReadingGives()
    {
        var random = new Random(21);
        var split = 0;
        for (var i = 0; i < 150; i++)
        {
            var request = Request(random);
            var bytes = request.ToByteArray();
            var whole = StackRequestDecoder.Decode(bytes, FargatePack.References, parts: 1);
            StackRequestDecoderTests.AssertSame(StackRequestDecoderTests.Expected(request), whole);
            var parts = random.Next(2, 7);
            var layout = LayoutOf(bytes, parts);
            split += layout.Count > 1 ? 1 : 0;
            var inParts = StackRequestDecoder.Decode(bytes, FargatePack.References, parts);
            StackRequestDecoderTests.AssertSame(whole, inParts);
            Assert.Equal(Urns(((IDecodedStack)whole).WithSecrets), Urns(((IDecodedStack)inParts).WithSecrets));
            foreach (var urn in whole.Select(r => r.Urn).Append("urn:pulumi:s::p::aws:ec2/vpc:Vpc::absent"))
            {
                // The first resource of a URN (copies share URNs across parts), the very object the joined list holds.
                var expected = ((IDecodedStack)whole).Find(urn);
                var found = ((IDecodedStack)inParts).Find(urn);
                Assert.Equal(expected is null ? -1 : whole.IndexOf(expected), found is null ? -1 : inParts.FindIndex(r => ReferenceEquals(r, found)));
            }

            // Each type's resources in request order, the very objects of the joined list.
            foreach (var type in whole.Select(r => r.Type).Append("aws:ec2/vpc:Vpc").Append("aws:ec2/natGateway:NatGateway").Distinct())
            {
                Assert.Equal(inParts.Where(r => TypeToken.Canonical(r.Type) == type), ((IDecodedStack)inParts).OfType(type), ReferenceEqualityComparer.Instance);
                Assert.Equal(whole.Where(r => TypeToken.Canonical(r.Type) == type).Select(r => r.Urn), ((IDecodedStack)whole).OfType(type).Select(r => r.Urn));
            }
        }

        Assert.True(split > 100, $"only {split} requests were split: the test does not test parts");
    }

    [Fact]
    public void PartsOfALargeRequestGiveWhatOneReadingGives()
    {
        // Past the bytes walked before the first part is handed out, so that part is read while the walk goes on,
        // and with up to five parts, so middle parts are handed out as the walk finds them; corrupted copies fail as
        // one reading fails.
        var random = new Random(24);
        var request = new AnalyzeStackRequest();
        for (var i = 0; i < 1500; i++)
        {
            request.Resources.Add(StackRequestDecoderTests.RandomResource(random, random.Next(20) == 0 ? random.Next(5) : i));
        }

        var bytes = request.ToByteArray();
        Assert.True(bytes.Length > 4 * 64 * 1024, $"{bytes.Length} bytes: the first part is found before it is handed out");
        var whole = StackRequestDecoder.Decode(bytes, FargatePack.References, parts: 1);
        for (var parts = 2; parts <= 5; parts++)
        {
            Assert.Equal(parts, LayoutOf(bytes, parts).Count);
            var inParts = StackRequestDecoder.Decode(bytes, FargatePack.References, parts);
            StackRequestDecoderTests.AssertSame(whole, inParts);
            Assert.Equal(Urns(((IDecodedStack)whole).WithSecrets), Urns(((IDecodedStack)inParts).WithSecrets));
        }

        // Resources larger than a part's share: a part may hold only one, and must still end where the walk starts
        // the next.
        for (var round = 0; round < 10; round++)
        {
            var uneven = new AnalyzeStackRequest();
            for (var i = 0; i < 30; i++)
            {
                var resource = StackRequestDecoderTests.RandomResource(random, i);
                if (random.Next(6) == 0)
                {
                    resource.Properties = new Google.Protobuf.WellKnownTypes.Struct();
                    resource.Properties.Fields["policy"] = Google.Protobuf.WellKnownTypes.Value.ForString(new string('x', random.Next(100_000, 300_000)));
                }

                uneven.Resources.Add(resource);
            }

            var unevenBytes = uneven.ToByteArray();
            var one = StackRequestDecoder.Decode(unevenBytes, FargatePack.References, parts: 1);
            for (var parts = 2; parts <= 7; parts++)
            {
                StackRequestDecoderTests.AssertSame(one, StackRequestDecoder.Decode(unevenBytes, FargatePack.References, parts));
            }
        }

        for (var i = 0; i < 20; i++)
        {
            var corrupted = (byte[])bytes.Clone();
            corrupted[random.Next(corrupted.Length)] = (byte)random.Next(256);
            var broken = i % 4 == 0 ? corrupted[..random.Next(corrupted.Length)] : corrupted;
            var one = Outcome(() => StackRequestDecoder.Decode(broken, FargatePack.References, parts: 1));
            var inParts = Outcome(() => StackRequestDecoder.Decode(broken, FargatePack.References, parts: 2 + (i % 4)));
            Assert.Equal(one.Error, inParts.Error);
            if (one.Stack is not null)
            {
                StackRequestDecoderTests.AssertSame(one.Stack, inParts.Stack!);
            }
        }
    }

    [Fact]
    public void PartsCoverTheRequestInOrderWithAResourceEach()
    {
        var random = new Random(22);
        for (var i = 0; i < 100; i++)
        {
            var bytes = Request(random).ToByteArray();
            var parts = random.Next(1, 9);
            var layout = LayoutOf(bytes, parts);
            Assert.InRange(layout.Count, 1, parts);
            Assert.Equal(0, layout[0].Start);
            Assert.Equal(0, layout[0].FirstIndex);
            for (var p = 1; p < layout.Count; p++)
            {
                Assert.True(layout[p].Start > layout[p - 1].Start, "parts out of order");
                Assert.True(layout[p - 1].Resources > 0, "an empty part");
                Assert.Equal(layout[p - 1].FirstIndex + layout[p - 1].Resources, layout[p].FirstIndex);
            }

            Assert.Equal(AnalyzeStackRequest.Parser.ParseFrom(bytes).Resources.Count, layout[^1].FirstIndex + layout[^1].Resources);
        }
    }

    [Fact]
    public void ACorruptedRequestFailsAsOneReadingFails()
    {
        var random = new Random(23);
        var rejected = 0;
        for (var i = 0; i < 300; i++)
        {
            var bytes = Request(random).ToByteArray();
            if (i % 2 == 0)
            {
                bytes = bytes[..random.Next(bytes.Length)];
            }
            else
            {
                for (var n = random.Next(1, 4); n > 0; n--)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }
            }

            var whole = Outcome(() => StackRequestDecoder.Decode(bytes, FargatePack.References, parts: 1));
            var inParts = Outcome(() => StackRequestDecoder.Decode(bytes, FargatePack.References, parts: 4));
            Assert.Equal(whole.Error, inParts.Error);
            if (whole.Stack is not null)
            {
                StackRequestDecoderTests.AssertSame(whole.Stack, inParts.Stack!);
            }

            rejected += whole.Error is null ? 0 : 1;
        }

        Assert.True(rejected > 50, $"only {rejected} corrupted requests were rejected");
    }

    [Fact]
    public void AShortTypeTokenIsIndexedUnderItsFullToken()
    {
        var request = new AnalyzeStackRequest();
        foreach (var (type, name) in new[] { ("aws:ec2:Subnet", "a"), ("aws:ec2/subnet:Subnet", "b"), ("aws:ec2:Vpc", "c"), ("aws:ec2:Subnet", "d") })
        {
            request.Resources.Add(new AnalyzerResource { Type = type, Urn = $"urn:pulumi:s::p::{type}::{name}", Name = name });
        }

        var stack = StackRequestDecoder.Decode(request.ToByteArray(), FargatePack.References, parts: 1);
        Assert.Equal(["a", "b", "d"], stack.OfType("aws:ec2/subnet:Subnet").Select(r => r.Name));
        Assert.Equal(["c"], stack.OfType("aws:ec2/vpc:Vpc").Select(r => r.Name));
        Assert.Empty(stack.OfType("aws:ec2:Subnet"));
    }

    [Fact]
    public void OnlyLargeRequestsAreSplit()
    {
        // The default splits by size: a small request is one part whatever the processors.
        var bytes = Request(new Random(24)).ToByteArray();
        Assert.True(bytes.Length < StackRequestDecoder.MinPartBytes);
        var stack = StackRequestDecoder.Decode(bytes, FargatePack.References);
        StackRequestDecoderTests.AssertSame(StackRequestDecoder.Decode(bytes, FargatePack.References, parts: 1), stack);
    }

    [Fact]
    public void TheCorpusInOneRequestGetsTheSameViolationsInParts()
    {
        // Every corpus stack, in preview and in update form, in one request: real resources, and URNs repeated across
        // stacks (the first resource of a URN is the one references find).
        var corpus = RepositoryRoot.File("tests", "Policies.Tests", "Corpus");
        var request = new AnalyzeStackRequest();
        foreach (var (folder, pattern, preview) in (ReadOnlySpan<(string, string, bool)>)[("Stacks", "*.yaml", true), ("Exports", "*.json", false)])
        {
            foreach (var file in Directory.GetFiles(Path.Combine(corpus, folder), pattern).Order())
            {
                var resources = StackInput.Load(file, TextReader.Null, FargatePack.References).Resources;
                request.Resources.Add(CorpusWire.StackRequest(resources, preview).Resources);
            }
        }

        var bytes = request.ToByteArray();
        var session = new AnalyzerSession(FargatePack.Definition);
        List<string> Verdict(int parts) =>
            [.. session.Pack.AnalyzeStack(StackRequestDecoder.Decode(bytes, FargatePack.References, parts)).Select(v => $"{v.Policy} {v.Level} {v.Urn} {v.Message}")];
        var whole = Verdict(1);
        Assert.True(whole.Count > 40, $"only {whole.Count} violations: the corpus is not in the request");
        Assert.True(StackRequestDecoder.Layout(bytes, 4).Count == 4, "the request is not split");
        Assert.Equal(whole, Verdict(4));
    }

    /// <summary>A request of 20 to 60 resources, some with the same URN (protobuf keeps both; the first is found).</summary>
    private static AnalyzeStackRequest Request(Random random)
    {
        var request = new AnalyzeStackRequest();
        var count = random.Next(20, 60);
        for (var i = 0; i < count; i++)
        {
            request.Resources.Add(StackRequestDecoderTests.RandomResource(random, random.Next(4) == 0 ? random.Next(5) : i));
        }

        return request;
    }

    private static List<(int Start, int Resources, int FirstIndex)> LayoutOf(byte[] bytes, int parts) => StackRequestDecoder.Layout(bytes, parts);

    private static List<string> Urns(IReadOnlyList<StackResource> resources) => [.. resources.Select(r => r.Urn)];

    private static (List<StackResource>? Stack, string? Error) Outcome(Func<List<StackResource>> decode)
    {
        try
        {
            return (decode(), null);
        }
        catch (InvalidDataException e)
        {
            return (null, e.Message);
        }
    }
}
