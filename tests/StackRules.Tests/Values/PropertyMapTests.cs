using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace StackRules.Tests.Values;

public class PropertyMapTests
{
    [Property]
    public Property AReadThroughAnUnknownIsNeverKnown(string name, string nested)
    {
        var map = new PropertyMap(Stacks.Object(("outer", UnknownValue.Instance)));
        var reads = new[] { map.Nested("outer").Text(nested ?? "x").State, map.Nested("outer").Bool(nested ?? "x").State, map.Nested("outer").Number(nested ?? "x").State };
        return reads.All(s => s == FactState.Unknown).ToProperty();
    }

    [Property]
    public Property AnyReadInsideASecretIsSecretAndPrintsSecret(NonEmptyString text)
    {
        var map = new PropertyMap(Stacks.Object(("config", new SecretValue(Stacks.Object(("name", new StringValue(text.Get)))))));
        var fact = map.Nested("config").Text("name");
        return (fact.IsSecret && fact.Is(v => v == text.Get) && fact.ToString() == "[secret]" && !fact.ToString().Contains(text.Get, StringComparison.Ordinal) || text.Get.Contains("${", StringComparison.Ordinal) || "[secret]".Contains(text.Get, StringComparison.Ordinal)).ToProperty();
    }

    [Fact]
    public void ListsMapsAndRecordsKeepTheirStates()
    {
        var map = new PropertyMap(Stacks.Object(
            ("subnets", new ArrayValue([new StringValue("a"), UnknownValue.Instance])),
            ("tags", Stacks.Object(("team", new StringValue("core")))),
            ("later", UnknownValue.Instance)));
        var subnets = map.TextList("subnets");
        Assert.True(subnets.IsKnown);
        Assert.Equal([FactState.Known, FactState.Unknown], subnets.Value.Select(s => s.State));
        Assert.Equal("core", map.TextMap("tags").Value["team"].Value);
        Assert.True(map.TextMap("later").IsUnknown);
        Assert.True(map.TextList("missing").IsAbsent);
        Assert.Equal(2, map.As("tags", t => t.Names.Count() + 1).Value);
        Assert.True(map.As("later", t => 0).IsUnknown);
    }
}
