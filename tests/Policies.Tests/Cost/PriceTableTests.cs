using FargateNetwork.Policies.Cost;
using StackRules.Inputs;
using FargateNetwork.Policies.Pack;

namespace FargateNetwork.Policies.Tests.Cost;

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

    [Fact]
    public void OverridesReplaceFiguresAndCiteTheFile()
    {
        var overrides = PriceOverrides.Parse("prices.json", """{ "natGatewayHour": 0.5, "crossAzGb": 0 }""");
        var prices = overrides.Apply(PriceTable.For("us-east-1"));
        Assert.Equal(0.5, prices.Of(PriceItem.NatGatewayHour));
        Assert.Equal(0, prices.Of(PriceItem.CrossAzGb));
        Assert.Equal("--prices prices.json", prices.SourceOf(PriceItem.NatGatewayHour));
        Assert.Equal(PriceTable.For("us-east-1").Of(PriceItem.NatGatewayGb), prices.Of(PriceItem.NatGatewayGb));
    }

    [Theory]
    [InlineData("""{ "natGatewayHours": 1 }""", "unknown price key \"natGatewayHours\"")]
    [InlineData("""{ "natGatewayHour": -1 }""", "\"natGatewayHour\" must be a number of USD, 0 or more")]
    [InlineData("""{ "natGatewayHour": "0.1" }""", "\"natGatewayHour\" must be a number of USD, 0 or more")]
    [InlineData("[1]", "must be a JSON object")]
    [InlineData("{\n\"natGatewayHour\": ,\n}", "invalid JSON in the price file at line 2")]
    public void BadPriceFilesAreOneLineNamingTheFileAndKey(string text, string expected)
    {
        var e = Assert.Throws<InputException>(() => PriceOverrides.Parse("p.json", text));
        Assert.StartsWith("p.json: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }
}
