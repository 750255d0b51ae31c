using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace StackRules.Tests.Config;

public class ConfigValidatorTests
{
    private static JsonObject Schema(string json) => JsonNode.Parse(json)!.AsObject();

    [Theory]
    [InlineData("""{"type":"number","minimum":1}""", "0", "must be at least 1")]
    [InlineData("""{"type":"number","maximum":1}""", "2", "must be at most 1")]
    [InlineData("""{"type":"integer"}""", "1.5", "must be a whole number")]
    [InlineData("""{"type":"string","pattern":"^[a-z]+$"}""", "\"A1\"", "does not match the pattern")]
    [InlineData("""{"type":"string","maxLength":2}""", "\"abc\"", "at most 2 characters")]
    [InlineData("""{"enum":["a","b"]}""", "\"c\"", "must be one of")]
    [InlineData("""{"type":"array","items":{"type":"string"}}""", "[\"a\",1]", "\"p.x[1]\" must be a string")]
    [InlineData("""{"type":"array","uniqueItems":true}""", "[1,1]", "must be unique")]
    [InlineData("""{"type":"object","required":["k"]}""", "{}", "needs the property \"k\"")]
    [InlineData("""{"type":"object","properties":{"k":{"type":"boolean"}},"additionalProperties":false}""", "{\"j\":1}", "has no property \"j\"")]
    [InlineData("""{"type":["string","null"]}""", "1", "must be a string or null")]
    public void AnInvalidValueIsOneSentenceNamingThePath(string schema, string value, string expected)
    {
        var error = ConfigValidator.Check(JsonNode.Parse(value), Schema(schema), "p.x");
        Assert.NotNull(error);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error);
    }

    [Theory]
    [InlineData("""{"type":"number","minimum":1,"maximum":3}""", "2")]
    [InlineData("""{"type":"string","pattern":"^[a-z]+$"}""", "\"abc\"")]
    [InlineData("""{"type":"array","items":{"type":"integer"},"maxItems":2}""", "[1,2]")]
    [InlineData("""{"type":["string","null"]}""", "null")]
    [InlineData("""{"type":"object","properties":{"k":{"type":"boolean"}}}""", "{\"k\":true,\"other\":1}")]
    public void AValidValuePasses(string schema, string value) =>
        Assert.Null(ConfigValidator.Check(JsonNode.Parse(value), Schema(schema), "p.x"));

    [Property]
    public Property ANumberPassesExactlyWhenWithinItsBounds(int min, int span, int value)
    {
        var max = (long)min + Math.Abs((long)span);
        var schema = Schema($$"""{"type":"number","minimum":{{min}},"maximum":{{max}}}""");
        var valid = ConfigValidator.Check(JsonValue.Create(value), schema, "p") is null;
        return (valid == (value >= min && value <= max)).ToProperty();
    }

    [Fact]
    public void AHostilePatternDoesNotHang()
    {
        var schema = Schema("""{"type":"string","pattern":"^(a+)+$"}""");
        var error = ConfigValidator.Check(JsonValue.Create(new string('a', 40) + "!"), schema, "p");
        Assert.NotNull(error);
    }

    [Fact]
    public void DeepNestingIsRefusedNotOverflowed()
    {
        var schema = new JsonObject { ["type"] = "array" };
        var inner = schema;
        for (var i = 0; i < 100; i++)
        {
            var next = new JsonObject { ["type"] = "array" };
            inner["items"] = next;
            inner = next;
        }

        var value = JsonNode.Parse(new string('[', 100) + new string(']', 100), documentOptions: new System.Text.Json.JsonDocumentOptions { MaxDepth = 256 });
        Assert.Contains("deeper than", ConfigValidator.Check(value, schema, "p"), StringComparison.Ordinal);
    }
}
