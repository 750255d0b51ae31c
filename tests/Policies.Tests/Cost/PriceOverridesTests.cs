using FargateNetwork.Policies.Cost;
using StackRules.Inputs;

namespace FargateNetwork.Policies.Tests.Cost;

/// <summary><c>--prices FILE</c>: each key overrides the table's figure and cites the file; a bad file is one line.</summary>
public class PriceOverridesTests
{
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
