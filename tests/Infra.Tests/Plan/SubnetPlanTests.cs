using System.Net;
using FsCheck;
using FsCheck.Xunit;

namespace FargateNetwork.Infra.Tests.Plan;

/// <summary>The subnet plan for any VPC block /16 to /24: disjoint, inside the VPC, at least /28, independent of later AZs.</summary>
public class SubnetPlanTests
{
    [Property(MaxTest = 300)]
    public bool SubnetsAreDisjointInsideTheVpcAndLargeEnough(uint address, byte prefixSeed)
    {
        var prefix = 16 + (prefixSeed % 9);
        var mask = uint.MaxValue << (32 - prefix);
        var vpc = Ipv4Cidr.Create(address & mask, prefix);
        var vpcNet = IPNetwork.Parse(vpc.ToString());
        var subnets = Enumerable.Range(0, SubnetPlan.MaxAvailabilityZones)
            .SelectMany(i => new[] { SubnetPlan.TaskSubnet(vpc, i), SubnetPlan.PublicSubnet(vpc, i) })
            .Select(s => IPNetwork.Parse(s.ToString()))
            .ToList();
        var inside = subnets.All(s => vpcNet.Contains(s.BaseAddress) && s.PrefixLength <= 28 && s.PrefixLength > prefix);
        var disjoint = subnets.SelectMany((a, i) => subnets.Skip(i + 1).Select(b => (a, b)))
            .All(p => !p.a.Contains(p.b.BaseAddress) && !p.b.Contains(p.a.BaseAddress));
        return inside && disjoint;
    }

    [Theory]
    [InlineData("10.0.0.0/16", 0, "10.0.0.0/19", "10.0.128.0/20")]
    [InlineData("10.0.0.0/16", 3, "10.0.96.0/19", "10.0.176.0/20")]
    [InlineData("192.168.1.0/24", 1, "192.168.1.32/27", "192.168.1.144/28")]
    [InlineData("172.16.16.0/20", 2, "172.16.20.0/23", "172.16.26.0/24")]
    public void PlanIsTheDocumentedOne(string vpc, int az, string task, string nat)
    {
        Assert.True(Ipv4Cidr.TryParseStrict(vpc, out var cidr, out _));
        Assert.Equal(task, SubnetPlan.TaskSubnet(cidr, az).ToString());
        Assert.Equal(nat, SubnetPlan.PublicSubnet(cidr, az).ToString());
    }

    [Theory]
    [InlineData("10.0.0.0/16", true)]
    [InlineData("10.0.0.1/16", false)]
    [InlineData("10.0.0.0", false)]
    [InlineData("10.0.0/16", false)]
    [InlineData("10.0.0.256/24", false)]
    [InlineData("010.0.0.0/16", false)]
    [InlineData("10.0.0.0/33", false)]
    [InlineData(" 10.0.0.0/16", false)]
    public void CidrParsingIsStrict(string text, bool valid)
    {
        Assert.Equal(valid, Ipv4Cidr.TryParseStrict(text, out _, out var error));
        Assert.Equal(valid, error.Length == 0);
    }
}
