using FargateNetwork.Policies.Pack;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using StackRules.Host.Analyzer;
using StackRules.Host.Analyzer.Protocol;

namespace FargateNetwork.Analyzer.Tests;

/// <summary>
/// The decoder links each reference it makes to the resource it names when that resource came first in its part
/// (<see cref="ReferenceValue.Target"/>), and the decoded stack finds a reference's resource through that link only
/// when the link is the first resource of the URN in the whole request: whatever the parts, a reference finds what its
/// URN finds. Requests here repeat URNs within and across parts, refer forward, to themselves and outside the stack,
/// use a URN as a string value too, and give a resource more dependencies than the decoder scans.
/// </summary>
public sealed class ReferenceTargetsTests
{
    private const string Vpc = "aws:ec2/vpc:Vpc";
    private const string Subnet = "aws:ec2/subnet:Subnet";
    private const string SecurityGroup = "aws:ec2/securityGroup:SecurityGroup";
    private static readonly string[] Types = [Vpc, Subnet, SecurityGroup, "aws:ecs/service:Service"];
    private static readonly string Unknown = PulumiSignatures.UnknownSentinels.First();

    [Fact]
    public void AReferenceFindsWhatItsUrnFindsInAnyParts()
    {
        var random = new Random(31);
        int linked = 0, linkedNotFirst = 0, references = 0;
        for (var round = 0; round < 120; round++)
        {
            var bytes = Request(random, random.Next(30, 400), repeatUrns: round % 3 == 0).ToByteArray();
            for (var parts = 1; parts <= 5; parts++)
            {
                var stack = StackRequestDecoder.Decode(bytes, FargatePack.References, parts);
                var scope = new EvaluationScope(stack, _ => null);
                foreach (var reference in stack.SelectMany(r => ReferencesIn(r.Inputs)))
                {
                    var first = stack.Find(reference.TargetUrn);
                    Assert.Same(first, stack.Find(reference));
                    Assert.Same(first, scope.Find(reference)); // what an extension's context asks
                    references++;
                    linked += reference.Target is not null ? 1 : 0;

                    // A linked reference is its target's one, shared by every reference to it (values are immutable).
                    Assert.Same(reference.Target?.IdReference ?? reference, reference);
                    linkedNotFirst += reference.Target is not null && !ReferenceEquals(reference.Target, first) ? 1 : 0;
                }
            }
        }

        // The links are made (most references name an earlier resource), and some are to a resource that is not the
        // first of its URN (a later part's own), which the stack must not follow.
        Assert.True(linked > references / 3, $"{linked} of {references} references linked: the decoder does not link");
        Assert.True(linkedNotFirst > 20, $"{linkedNotFirst} links to a resource that is not its URN's first: the test does not repeat URNs across parts");
    }

    [Fact]
    public void UrnsThatDecodeAlikeAreOneUrnInAnyParts()
    {
        // Two halves of the same 150 URNs, each ending in two bytes that are not UTF-8: FF FE in the first half, FE FF
        // in the second. Both decode to U+FFFD U+FFFD, so the second half repeats the first's URNs in other bytes, and a
        // reference there links to its half's own resource, which is not the first of its URN.
        var random = new Random(33);
        var request = new AnalyzeStackRequest();
        for (var i = 0; i < 300; i++)
        {
            var resource = new AnalyzerResource { Type = Vpc, Urn = $"urn:pulumi:s::p::{Vpc}::v{i % 150}\u00e9", Properties = new Struct() };
            resource.Properties.Fields["vpcId"] = Value.ForString(Unknown);
            resource.PropertyDependencies["vpcId"] = new AnalyzerPropertyDependencies { Urns = { $"urn:pulumi:s::p::{Vpc}::v{random.Next(Math.Max(i % 150, 1))}\u00e9" } };
            request.Resources.Add(resource);
        }

        var bytes = request.ToByteArray();
        var half = bytes.Length / 2;
        for (var at = bytes.AsSpan().IndexOf("\u00e9"u8); at >= 0; at = bytes.AsSpan().IndexOf("\u00e9"u8))
        {
            (bytes[at], bytes[at + 1]) = at < half ? ((byte)0xFF, (byte)0xFE) : ((byte)0xFE, (byte)0xFF);
        }

        var linkedNotFirst = 0;
        for (var parts = 1; parts <= 5; parts++)
        {
            var stack = StackRequestDecoder.Decode(bytes, FargatePack.References, parts);
            Assert.Equal(150, stack.Select(r => r.Urn).Distinct().Count());
            foreach (var reference in stack.SelectMany(r => ReferencesIn(r.Inputs)))
            {
                var first = stack.Find(reference.TargetUrn);
                Assert.Same(stack.First(r => r.Urn == reference.TargetUrn), first);
                Assert.Same(first, stack.Find(reference));
                linkedNotFirst += reference.Target is not null && !ReferenceEquals(reference.Target, first) ? 1 : 0;
            }
        }

        Assert.True(linkedNotFirst > 20, $"{linkedNotFirst} links to a resource that is not its URN's first: the test does not repeat URNs across parts");
    }

    [Fact]
    public void TheLinkIsNotPartOfTheValue()
    {
        var bytes = Request(new Random(32), 200, repeatUrns: false).ToByteArray();
        var linked = StackRequestDecoder.Decode(bytes, FargatePack.References, parts: 1)
            .SelectMany(r => ReferencesIn(r.Inputs))
            .First(r => r.Target is not null);
        var plain = new ReferenceValue(linked.TargetUrn, linked.Property);
        Assert.Equal(plain, linked);
        Assert.Equal(plain.GetHashCode(), linked.GetHashCode());
        Assert.True(PropertyValue.Same(plain, linked));
        Assert.Equal(plain.ToString(), linked.ToString());
        Assert.NotEqual(plain with { Property = "arn" }, linked);
    }

    /// <summary>
    /// A request of <paramref name="count"/> resources whose id properties are unknown and depend on other resources:
    /// mostly earlier ones, some later, itself, or none in the stack; with <paramref name="repeatUrns"/>, a quarter of
    /// the resources take an earlier resource's URN.
    /// </summary>
    internal static AnalyzeStackRequest Request(Random random, int count, bool repeatUrns)
    {
        var request = new AnalyzeStackRequest();
        var urns = new List<string>();
        var urnsOfType = Types.ToDictionary(t => t, _ => new List<string>());
        for (var i = 0; i < count; i++)
        {
            var type = Types[random.Next(Types.Length)];
            var urn = repeatUrns && urns.Count > 0 && random.Next(4) == 0 ? urns[random.Next(urns.Count)] : $"urn:pulumi:s::p::{type}::r{i}";
            type = urn.Split("::")[2];
            urns.Add(urn);
            urnsOfType[type].Add(urn);
            var resource = new AnalyzerResource { Type = type, Urn = urn, Name = $"r{i}", Properties = new Struct() };
            string Target(string targetType) => random.Next(10) switch
            {
                0 => $"urn:pulumi:s::p::{targetType}::r{i + random.Next(1, 6)}", // later (if that one has the type)
                1 => urn, // itself
                2 => $"urn:pulumi:s::p::{targetType}::outside{random.Next(3)}",
                _ when urnsOfType[targetType] is { Count: > 0 } earlier => earlier[random.Next(earlier.Count)],
                _ => urn,
            };

            void Depend(string key, Value value, IEnumerable<string> on)
            {
                resource.Properties.Fields[key] = value;
                var dependencies = new AnalyzerPropertyDependencies();
                dependencies.Urns.Add(on);
                resource.PropertyDependencies[key] = dependencies;
            }

            Depend("vpcId", Value.ForString(Unknown), [Target(Vpc)]);
            var subnets = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Target(Subnet)).Distinct().ToList();
            Depend("subnetIds", Value.ForList([.. subnets.Select(_ => Value.ForString(Unknown))]), subnets);
            if (random.Next(3) == 0)
            {
                var nested = new Struct();
                nested.Fields["subnets"] = Value.ForList([.. subnets.Select(_ => Value.ForString(Unknown))]);
                Depend("networkConfiguration", Value.ForStruct(nested), subnets);
            }

            if (random.Next(8) == 0)
            {
                // More dependencies than the decoder scans: its pool finds their targets.
                var groups = Enumerable.Range(0, 40).Select(_ => Target(SecurityGroup)).Distinct().ToList();
                Depend("securityGroupIds", Value.ForList([.. groups.Select(_ => Value.ForString(Unknown))]), groups);
            }

            if (random.Next(6) == 0)
            {
                // A URN as a string value too: its pool slot holds the value, not the resource.
                resource.Properties.Fields["description"] = Value.ForString(urns[random.Next(urns.Count)]);
            }

            request.Resources.Add(resource);
        }

        return request;
    }

    internal static IEnumerable<ReferenceValue> ReferencesIn(PropertyValue value)
    {
        var pending = new Stack<PropertyValue>([value]);
        while (pending.TryPop(out var next))
        {
            switch (next)
            {
                case ReferenceValue reference:
                    yield return reference;
                    break;
                case ObjectValue o:
                    foreach (var field in o.Properties.Values)
                    {
                        pending.Push(field);
                    }

                    break;
                case ArrayValue a:
                    foreach (var item in a.Items)
                    {
                        pending.Push(item);
                    }

                    break;
                case SecretValue s:
                    pending.Push(s.Inner);
                    break;
            }
        }
    }
}
