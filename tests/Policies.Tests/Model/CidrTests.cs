using FargateNetwork.Policies.Model;
using FsCheck.Xunit;

namespace FargateNetwork.Policies.Tests.Model;

public class CidrTests
{
    [Theory]
    [InlineData("10.0.0.0/16", "10.0.0.0/16")]
    [InlineData("10.0.1.7/24", "10.0.1.0/24")]
    [InlineData("203.0.113.10", "203.0.113.10/32")]
    [InlineData("0.0.0.0/0", "0.0.0.0/0")]
    public void ParsesAndClearsHostBits(string text, string expected) => Assert.Equal(expected, Cidr.Parse(text).ToString());

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0/16")]
    [InlineData("256.0.0.0/8")]
    [InlineData("2001:db8::/32")]
    [InlineData("10.0.0.0/-1")]
    [InlineData("")]
    [InlineData("a.b.c.d/8")]
    public void RejectsWhatIsNotAnIpv4Block(string text) => Assert.False(Cidr.TryParse(text, out _));

    [Fact]
    public void ContainsExamples()
    {
        Assert.True(Cidr.Parse("10.0.0.0/16").Contains(Cidr.Parse("10.0.2.0/24")));
        Assert.False(Cidr.Parse("10.0.2.0/24").Contains(Cidr.Parse("10.0.0.0/16")));
        Assert.False(Cidr.Parse("10.0.1.0/24").Contains(Cidr.Parse("10.0.2.0/24")));
        Assert.True(Cidr.Any.Contains(Cidr.Parse("203.0.113.10/32")));
    }

    [Property]
    public bool FormatThenParseRoundTrips(uint address, byte prefix)
    {
        var cidr = Cidr.Create(address, prefix % 33);
        return Cidr.Parse(cidr.ToString()) == cidr;
    }

    [Property]
    public bool ABlockContainsItselfAndTheAnyBlockContainsIt(uint address, byte prefix)
    {
        var cidr = Cidr.Create(address, prefix % 33);
        return cidr.Contains(cidr) && Cidr.Any.Contains(cidr);
    }

    [Property]
    public bool ContainsAnAddressExactlyWhenTheMaskedAddressIsTheNetwork(uint network, byte prefix, uint address)
    {
        var cidr = Cidr.Create(network, prefix % 33);
        var mask = cidr.PrefixLength == 0 ? 0u : uint.MaxValue << (32 - cidr.PrefixLength);
        return cidr.Contains(Cidr.Create(address, 32)) == ((address & mask) == cidr.Network);
    }

    [Property]
    public bool ShorterPrefixOfTheSameAddressContainsTheLonger(uint address, byte a, byte b)
    {
        var (shorter, longer) = (Math.Min(a % 33, b % 33), Math.Max(a % 33, b % 33));
        var outer = Cidr.Create(address, shorter);
        var inner = Cidr.Create(address, longer);
        return outer.Contains(inner) && (shorter == longer || !inner.Contains(outer));
    }

    [Property]
    public bool ContainmentIsTransitive(uint x, uint y, uint z, byte a, byte b, byte c)
    {
        var first = Cidr.Create(x, a % 33);
        var second = Cidr.Create(y, b % 33);
        var third = Cidr.Create(z, c % 33);
        return !(first.Contains(second) && second.Contains(third)) || first.Contains(third);
    }

    [Property]
    public bool LongestPrefixMatchPicksTheMostSpecificContainingRoute(uint[] networks, byte[] prefixes, uint destination)
    {
        var table = new RouteTable(null);
        var count = Math.Min(networks.Length, prefixes.Length);
        for (var i = 0; i < count; i++)
        {
            var block = Cidr.Create(networks[i], prefixes[i] % 33);
            table.Routes.Add(new Route(null, Fact<Cidr>.Of(block), Fact<string>.Absent, RouteTargetKind.Other, null, null, $"r{i}"));
        }

        // Some routes that always match the destination, so the match is exercised on every run.
        table.Routes.Add(new Route(null, Fact<Cidr>.Of(Cidr.Any), Fact<string>.Absent, RouteTargetKind.Other, null, null, "default"));
        table.Routes.Add(new Route(null, Fact<Cidr>.Of(Cidr.Create(destination, prefixes.Length % 33)), Fact<string>.Absent, RouteTargetKind.Other, null, null, "near"));

        var target = Cidr.Create(destination, 32);
        var best = table.Lookup(target, out var unknown);
        var expected = table.Routes.Where(r => r.Destination.Value.Contains(target)).Max(r => r.Destination.Value.PrefixLength);
        return !unknown && best is not null && best.Destination.Value.Contains(target) && best.Destination.Value.PrefixLength == expected;
    }

    [Property]
    public bool LookupOfABlockNeverPicksARouteThatCoversOnlyPartOfIt(uint network, byte prefix, uint other, byte otherPrefix)
    {
        var destination = Cidr.Create(network, prefix % 33);
        var table = new RouteTable(null);
        table.Routes.Add(new Route(null, Fact<Cidr>.Of(Cidr.Create(other, otherPrefix % 33)), Fact<string>.Absent, RouteTargetKind.Other, null, null, "r"));
        var best = table.Lookup(destination, out _);
        return best is null || best.Destination.Value.Contains(destination);
    }

    [Fact]
    public void UnknownRouteDestinationMakesTheLookupUncertain()
    {
        var table = new RouteTable(null);
        table.Routes.Add(new Route(null, Fact<Cidr>.Of(Cidr.Any), Fact<string>.Absent, RouteTargetKind.InternetGateway, null, null, "igw"));
        table.Routes.Add(new Route(null, Fact<Cidr>.Unknown, Fact<string>.Absent, RouteTargetKind.NatGateway, null, null, "nat"));
        Assert.Equal("igw", table.Lookup(Cidr.Parse("203.0.113.10/32"), out var unknown)?.TargetDescription);
        Assert.True(unknown);
    }
}
