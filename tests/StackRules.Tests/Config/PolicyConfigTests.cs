using System.Text.Json.Nodes;

namespace StackRules.Tests.Config;

public class PolicyConfigTests
{
    private static readonly ResourcePolicy Tagged = new("tagged", "Resources carry a tag.")
    {
        ConfigSchema = ConfigSchema.Of(("tag", ConfigSchema.Text("The tag key.", "owner")), ("minimum", ConfigSchema.Number("A bound.", 1, minimum: 0))),
    };

    private static readonly PolicyPack Pack = new("p", "1", [Tagged, Stacks.NoPublicTaskIp()]);

    [Fact]
    public void DefaultsComeFromTheSchemaAndTheConfigOverridesThem()
    {
        Assert.Equal("owner", Pack.Defaults().SettingsOf("tagged").Text("tag"));
        var configured = Pack.Configure(JsonNode.Parse("""{"tagged":{"enforcementLevel":"mandatory","tag":"team"}}""")!.AsObject());
        Assert.Equal(("team", EnforcementLevel.Mandatory, 1.0), (configured.SettingsOf("tagged").Text("tag"), configured.SettingsOf("tagged").Level, configured.SettingsOf("tagged").Number("minimum", -1)));
    }

    [Theory]
    [InlineData("""{"tagged":{"tag":3}}""", "\"tagged.tag\" must be a string")]
    [InlineData("""{"tagged":{"minimum":-1}}""", "\"tagged.minimum\" must be at least 0")]
    [InlineData("""{"tagged":{"colour":"red"}}""", "\"tagged\" has no property \"colour\"")]
    [InlineData("""{"nope":"advisory"}""", "unknown policy \"nope\"")]
    [InlineData("""{"tagged":"loud"}""", "enforcement level \"loud\"")]
    [InlineData("""{"all":{"tag":"x"}}""", "\"all\" takes only \"enforcementLevel\"")]
    public void AnInvalidConfigNamesThePolicyAndKey(string json, string expected)
    {
        var e = Assert.Throws<PolicyConfigException>(() => Pack.Configure(JsonNode.Parse(json)!.AsObject()));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARequiredPropertyWithoutDefaultMustBeGiven()
    {
        var strict = new StackPolicy("strict", "Needs a key.") { ConfigSchema = ConfigSchema.Of(("key", ConfigSchema.Text("A key."))).Required("key") };
        var pack = new PolicyPack("p", "1", [strict]);
        Assert.Contains("needs the property \"key\"", Assert.Throws<PolicyConfigException>(() => pack.Defaults()).Message, StringComparison.Ordinal);
        Assert.Equal("k", pack.Configure(new JsonObject { ["strict"] = new JsonObject { ["key"] = "k" } }).SettingsOf("strict").Text("key"));
    }

    [Theory]
    [InlineData("advisory", EnforcementLevel.Advisory)]
    [InlineData("mandatory", EnforcementLevel.Mandatory)]
    [InlineData("remediate", EnforcementLevel.Remediate)]
    [InlineData("disabled", EnforcementLevel.Disabled)]
    public void EveryLevelTextRoundTrips(string text, EnforcementLevel level)
    {
        Assert.True(EnforcementLevels.TryParse(text, out var parsed));
        Assert.Equal(level, parsed);
        Assert.Equal(text, level.Text());
        Assert.Equal(level, Pack.Configure(new JsonObject { ["tagged"] = text }).SettingsOf("tagged").Level);
    }
}
