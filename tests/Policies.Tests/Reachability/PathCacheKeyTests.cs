using FargateNetwork.Policies.Model;
using FargateNetwork.Policies.Reachability;
using FargateNetwork.Policies.Tests.Model;

namespace FargateNetwork.Policies.Tests.Reachability;

/// <summary>
/// <see cref="PathCacheKey"/>: two keys are equal exactly when the tuples they replaced were (the same placement and
/// subnet objects, equal destinations, blocks or paths), and equal keys hash alike, so a cache finds what it stored
/// under an equal key made anew.
/// </summary>
public class PathCacheKeyTests
{
    [Fact]
    public void KeysAreEqualExactlyWhenTheirTuplesAre()
    {
        var model = NetworkModel.Build(Scenarios.PrivateEndpoints().Build());
        var placements = model.Placements.ToArray();
        var subnets = placements.SelectMany(p => p.Subnets).Distinct().ToArray();
        var random = new Random(5);
        Destination RandomDestination() => random.Next(5) switch
        {
            0 => Destination.Internet,
            1 => Destination.ForService(new[] { "ecr.api", "ecr.dkr", "s3", "logs" }[random.Next(4)]),
            2 => Destination.ForService(new[] { "ecr.api", "logs" }[random.Next(2)], new[] { "us-east-1", "eu-west-1" }[random.Next(2)]), // a new object each time
            3 => Destination.FixedEgress(Ipv4Cidr.Parse($"203.0.113.{random.Next(3)}/32")),
            _ => new Destination(new string('x', random.Next(1, 3)), random.Next(2) == 0 ? null : "x", Ipv4Cidr.Any),
        };

        for (var i = 0; i < 5_000; i++)
        {
            var (p1, s1, d1) = (placements[random.Next(placements.Length)], subnets[random.Next(subnets.Length)], RandomDestination());
            var (p2, s2, d2) = random.Next(3) == 0 ? (p1, s1, RandomDestination()) : (placements[random.Next(placements.Length)], subnets[random.Next(subnets.Length)], RandomDestination());
            var (a, b) = (PathCacheKey.Of(p1, s1, d1), PathCacheKey.Of(p2, s2, d2));
            Assert.Equal((p1, s1, d1).Equals((p2, s2, d2)), a.Equals(b));
            if (a.Equals(b))
            {
                Assert.Equal(a.GetHashCode(), b.GetHashCode());
            }

            var (c1, c2) = (PathCacheKey.Of(p1, s1, d1.Block), PathCacheKey.Of(p2, s2, d2.Block));
            Assert.Equal((p1, s1, d1.Block).Equals((p2, s2, d2.Block)), c1.Equals(c2));
            Assert.True(!c1.Equals(c2) || c1.GetHashCode() == c2.GetHashCode());
        }
    }

    [Fact]
    public void PathsAreKeyedByValue()
    {
        var model = NetworkModel.Build(Scenarios.PrivateEndpoints().Build());
        var vpc = model.Vpcs[0];
        var path = NetworkPath.NoPath(NoPathReason.NoRoute, "route table rt has no route to 0.0.0.0/0");
        var same = NetworkPath.NoPath(NoPathReason.NoRoute, string.Concat("route table rt has no route to ", "0.0.0.0/0"));
        Assert.Equal(PathCacheKey.Of("logs", vpc, path), PathCacheKey.Of("logs", vpc, same));
        Assert.Equal(PathCacheKey.Of("logs", vpc, path).GetHashCode(), PathCacheKey.Of("logs", vpc, same).GetHashCode());
        Assert.NotEqual(PathCacheKey.Of("logs", vpc, path), PathCacheKey.Of("ssm", vpc, same));
        Assert.NotEqual(PathCacheKey.Of("logs", vpc, path), PathCacheKey.Of("logs", vpc, path with { Reason = NoPathReason.VpcDnsOff }));
    }

    [Fact]
    public void AnEqualDestinationMadeAnewFindsTheCachedPath()
    {
        var analysis = new ReachabilityAnalysis(NetworkModel.Build(Scenarios.PrivateEndpoints().Build()));
        var placement = analysis.Model.Placements[0];
        var subnet = placement.Subnets[0];
        var first = analysis.Find(placement, subnet, Destination.ForService("logs", "eu-west-1"));
        Assert.Same(first, analysis.Find(placement, subnet, Destination.ForService("logs", "eu-west-1")));
    }
}
