using FargateNetwork.Policies.Model;
using FsCheck.Xunit;

namespace FargateNetwork.Policies.Tests.Model;

/// <summary>A route table's longest-prefix match, with unknown destinations kept uncertain.</summary>
public class RouteTableTests
{
    [Property]
    public bool LongestPrefixMatchPicksTheMostSpecificContainingRoute(uint[] networks, byte[] prefixes, uint destination)
    {
        var table = new RouteTable(null);
        var count = Math.Min(networks.Length, prefixes.Length);
        for (var i = 0; i < count; i++)
        {
            var block = Ipv4Cidr.Create(networks[i], prefixes[i] % 33);
            table.Routes.Add(new Route(null, Fact<Ipv4Cidr>.Of(block), Fact<string>.Absent, RouteTargetKind.Other, null, null, $"r{i}"));
        }

        // Some routes that always match the destination, so the match is exercised on every run.
        table.Routes.Add(new Route(null, Fact<Ipv4Cidr>.Of(Ipv4Cidr.Any), Fact<string>.Absent, RouteTargetKind.Other, null, null, "default"));
        table.Routes.Add(new Route(null, Fact<Ipv4Cidr>.Of(Ipv4Cidr.Create(destination, prefixes.Length % 33)), Fact<string>.Absent, RouteTargetKind.Other, null, null, "near"));

        var target = Ipv4Cidr.Create(destination, 32);
        var best = table.Lookup(target, out var unknown);
        var expected = table.Routes.Where(r => r.Destination.Value.Contains(target)).Max(r => r.Destination.Value.PrefixLength);
        return !unknown && best is not null && best.Destination.Value.Contains(target) && best.Destination.Value.PrefixLength == expected;
    }

    [Property]
    public bool LookupOfABlockNeverPicksARouteThatCoversOnlyPartOfIt(uint network, byte prefix, uint other, byte otherPrefix)
    {
        var destination = Ipv4Cidr.Create(network, prefix % 33);
        var table = new RouteTable(null);
        table.Routes.Add(new Route(null, Fact<Ipv4Cidr>.Of(Ipv4Cidr.Create(other, otherPrefix % 33)), Fact<string>.Absent, RouteTargetKind.Other, null, null, "r"));
        var best = table.Lookup(destination, out _);
        return best is null || best.Destination.Value.Contains(destination);
    }

    [Fact]
    public void UnknownRouteDestinationMakesTheLookupUncertain()
    {
        var table = new RouteTable(null);
        table.Routes.Add(new Route(null, Fact<Ipv4Cidr>.Of(Ipv4Cidr.Any), Fact<string>.Absent, RouteTargetKind.InternetGateway, null, null, "igw"));
        table.Routes.Add(new Route(null, Fact<Ipv4Cidr>.Unknown, Fact<string>.Absent, RouteTargetKind.NatGateway, null, null, "nat"));
        Assert.Equal("igw", table.Lookup(Ipv4Cidr.Parse("203.0.113.10/32"), out var unknown)?.TargetDescription);
        Assert.True(unknown);
    }
}
