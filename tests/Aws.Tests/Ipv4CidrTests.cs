using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FargateNetwork.Aws.Tests;

public class Ipv4CidrTests
{
    [Theory]
    [InlineData("10.0.0.0/16", "10.0.0.0/16")]
    [InlineData("0.0.0.0/0", "0.0.0.0/0")]
    [InlineData("203.0.113.10/32", "203.0.113.10/32")]
    public void StrictAcceptsWhatAUserWrites(string text, string expected)
    {
        Assert.True(Ipv4Cidr.TryParseStrict(text, out var cidr, out var error), error);
        Assert.Equal(expected, cidr.ToString());
    }

    [Theory]
    [InlineData("10.0.0.0", "expected a.b.c.d/n")]
    [InlineData("10.0.0/16", "expected a.b.c.d/n")]
    [InlineData("10.0.0.0/16\n", "prefix length")]
    [InlineData(" 10.0.0.0/16", "0-255")]
    [InlineData("10.00.0.0/16", "without leading zeros")]
    [InlineData("10.0.0.256/32", "0-255")]
    [InlineData("10.0.0.0/33", "prefix length")]
    [InlineData("10.0.0.0/016", "prefix length")]
    [InlineData("10.0.0.0/", "prefix length")]
    [InlineData("10.0.0.1/16", "did you mean 10.0.0.0/16?")]
    [InlineData("", "expected a.b.c.d/n")]
    [InlineData("2001:db8::/32", "expected a.b.c.d/n")]
    public void StrictRefusesWithAReason(string text, string reason)
    {
        Assert.False(Ipv4Cidr.TryParseStrict(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" 10.0.0.0/16 ", "10.0.0.0/16")]
    [InlineData("10.0.1.7", "10.0.1.7/32")]
    [InlineData("10.0.1.7/24", "10.0.1.0/24")]
    [InlineData("010.0.0.0/8", "10.0.0.0/8")]
    public void LenientReadsWhatAStackHolds(string text, string expected)
    {
        Assert.True(Ipv4Cidr.TryParse(text, out var cidr));
        Assert.Equal(expected, cidr.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("pl-61a54008")]
    [InlineData("::/0")]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0.0.0/8")]
    [InlineData("1.2.3/8")]
    public void LenientRefusesWhatIsNoBlock(string? text) => Assert.False(Ipv4Cidr.TryParse(text, out _));

    [Property]
    public Property EveryBlockRoundTripsThroughBothParsers(uint address, byte prefixSeed)
    {
        var cidr = Ipv4Cidr.Create(address, prefixSeed % 33);
        var text = cidr.ToString();
        var strict = Ipv4Cidr.TryParseStrict(text, out var a, out _);
        var lenient = Ipv4Cidr.TryParse(text, out var b);
        return (strict && lenient && a == cidr && b == cidr).ToProperty();
    }

    [Property]
    public Property StrictAcceptsNothingLenientRefuses(string text) =>
        (!Ipv4Cidr.TryParseStrict(text, out _, out _) || Ipv4Cidr.TryParse(text, out _)).ToProperty();

    [Property]
    public Property ContainmentAgreesWithAddressRanges(uint a, byte pa, uint b, byte pb)
    {
        var x = Ipv4Cidr.Create(a, pa % 33);
        var y = Ipv4Cidr.Create(b, pb % 33);
        var byRange = x.Network <= y.Network && y.Last <= x.Last;
        return (x.Contains(y) == byRange && x.Overlaps(y) == (x.Network <= y.Last && y.Network <= x.Last)).ToProperty();
    }

    [Fact]
    public void SubnetsTileTheBlock()
    {
        var vpc = Ipv4Cidr.Parse("10.20.0.0/16");
        Assert.Equal("10.20.32.0/19", vpc.Subnet(19, 1).ToString());
        Assert.Equal("10.20.224.0/19", vpc.Subnet(19, 7).ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => vpc.Subnet(19, 8));
        Assert.Throws<ArgumentOutOfRangeException>(() => vpc.Subnet(15, 0));
    }

    [Theory]
    [InlineData("10.0.0.0/16", "10.0.0.0/16")]
    [InlineData("10.0.1.7/24", "10.0.1.0/24")]
    [InlineData("203.0.113.10", "203.0.113.10/32")]
    [InlineData("0.0.0.0/0", "0.0.0.0/0")]
    public void ParsesAndClearsHostBits(string text, string expected) => Assert.Equal(expected, Ipv4Cidr.Parse(text).ToString());

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0/16")]
    [InlineData("256.0.0.0/8")]
    [InlineData("2001:db8::/32")]
    [InlineData("10.0.0.0/-1")]
    [InlineData("")]
    [InlineData("a.b.c.d/8")]
    public void RejectsWhatIsNotAnIpv4Block(string text) => Assert.False(Ipv4Cidr.TryParse(text, out _));

    [Fact]
    public void ContainsExamples()
    {
        Assert.True(Ipv4Cidr.Parse("10.0.0.0/16").Contains(Ipv4Cidr.Parse("10.0.2.0/24")));
        Assert.False(Ipv4Cidr.Parse("10.0.2.0/24").Contains(Ipv4Cidr.Parse("10.0.0.0/16")));
        Assert.False(Ipv4Cidr.Parse("10.0.1.0/24").Contains(Ipv4Cidr.Parse("10.0.2.0/24")));
        Assert.True(Ipv4Cidr.Any.Contains(Ipv4Cidr.Parse("203.0.113.10/32")));
    }

    [Property]
    public bool FormatThenParseRoundTrips(uint address, byte prefix)
    {
        var cidr = Ipv4Cidr.Create(address, prefix % 33);
        return Ipv4Cidr.Parse(cidr.ToString()) == cidr;
    }

    [Property]
    public bool ABlockContainsItselfAndTheAnyBlockContainsIt(uint address, byte prefix)
    {
        var cidr = Ipv4Cidr.Create(address, prefix % 33);
        return cidr.Contains(cidr) && Ipv4Cidr.Any.Contains(cidr);
    }

    [Property]
    public bool ContainsAnAddressExactlyWhenTheMaskedAddressIsTheNetwork(uint network, byte prefix, uint address)
    {
        var cidr = Ipv4Cidr.Create(network, prefix % 33);
        var mask = cidr.PrefixLength == 0 ? 0u : uint.MaxValue << (32 - cidr.PrefixLength);
        return cidr.Contains(Ipv4Cidr.Create(address, 32)) == ((address & mask) == cidr.Network);
    }

    [Property]
    public bool ShorterPrefixOfTheSameAddressContainsTheLonger(uint address, byte a, byte b)
    {
        var (shorter, longer) = (Math.Min(a % 33, b % 33), Math.Max(a % 33, b % 33));
        var outer = Ipv4Cidr.Create(address, shorter);
        var inner = Ipv4Cidr.Create(address, longer);
        return outer.Contains(inner) && (shorter == longer || !inner.Contains(outer));
    }

    [Property]
    public bool ContainmentIsTransitive(uint x, uint y, uint z, byte a, byte b, byte c)
    {
        var first = Ipv4Cidr.Create(x, a % 33);
        var second = Ipv4Cidr.Create(y, b % 33);
        var third = Ipv4Cidr.Create(z, c % 33);
        return !(first.Contains(second) && second.Contains(third)) || first.Contains(third);
    }
}
