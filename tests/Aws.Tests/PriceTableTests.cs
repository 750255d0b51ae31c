namespace FargateNetwork.Aws.Tests;

/// <summary>The price table in the core: every listed Region prices every item with a source; the rest use us-east-1's.</summary>
public class PriceTableTests
{
    public static TheoryData<string> Regions() => [.. PriceTable.Regions];

    [Theory]
    [MemberData(nameof(Regions))]
    public void EveryListedRegionPricesEveryItemWithASource(string region)
    {
        var prices = PriceTable.For(region);
        Assert.True(prices.Listed);
        foreach (var item in PriceItems.All)
        {
            Assert.True(prices.Of(item) > 0, $"{region} {item}");
            var source = prices.SourceOf(item);
            Assert.True(source.Contains("https://", StringComparison.Ordinal) || source.Contains("Tech Do", StringComparison.Ordinal), $"{region} {item}: {source}");
        }
    }

    [Fact]
    public void ARegionWithoutATableSaysSoAndUsesUsEast1Figures()
    {
        var baseline = PriceTable.For("us-east-1");
        var prices = PriceTable.For("eu-west-1");
        Assert.False(prices.Listed);
        Assert.Equal("eu-west-1", prices.Region);
        foreach (var item in PriceItems.All)
        {
            Assert.Equal(baseline.Of(item), prices.Of(item));
            Assert.Contains("no price table for eu-west-1", prices.SourceOf(item), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AListedRegionBorrowsOnlyTheFiguresItHasNoSourceFor()
    {
        var tokyo = PriceTable.For("ap-northeast-1");
        Assert.Equal(0.062, tokyo.Of(PriceItem.NatGatewayHour));
        Assert.Equal(0.014, tokyo.Of(PriceItem.InterfaceEndpointHour));
        Assert.DoesNotContain("us-east-1 figure", tokyo.SourceOf(PriceItem.NatGatewayHour), StringComparison.Ordinal);
        Assert.Contains("us-east-1 figure (no sourced ap-northeast-1 price)", tokyo.SourceOf(PriceItem.NetworkLoadBalancerHour), StringComparison.Ordinal);
    }
}
