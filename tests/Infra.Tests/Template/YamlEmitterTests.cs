using FsCheck;
using FsCheck.Xunit;

namespace FargateNetwork.Infra.Tests.Template;

/// <summary>The emitter's quoting and <c>$</c> escaping, against YamlDotNet as the reader.</summary>
public class YamlEmitterTests
{
    [Property(MaxTest = 500)]
    public bool AnyLiteralKeyAndValueRoundTripWithDollarsDoubled(NonNull<string> key, NonNull<string> value)
    {
        var root = new MapNode().Set("resources", new MapNode().Set(key.Get, value.Get));
        var parsed = new YamlDotNet.RepresentationModel.YamlStream();
        parsed.Load(new StringReader(YamlEmitter.Emit(root)));
        var map = (YamlDotNet.RepresentationModel.YamlMappingNode)((YamlDotNet.RepresentationModel.YamlMappingNode)parsed.Documents[0].RootNode).Children.Single().Value;
        var (k, v) = map.Children.Single();
        return ((YamlDotNet.RepresentationModel.YamlScalarNode)k).Value == key.Get.Replace("$", "$$", StringComparison.Ordinal)
            && ((YamlDotNet.RepresentationModel.YamlScalarNode)v).Value == value.Get.Replace("$", "$$", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("0123")]
    [InlineData("7.38")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("- a")]
    [InlineData("a: b")]
    [InlineData("#x")]
    [InlineData("line\nbreak\u2028sep\u0085nel")]
    public void StringsThatYamlWouldRetypeStayStrings(string text)
    {
        var yaml = YamlEmitter.Emit(new MapNode().Set("v", text));
        var template = new YamlDotNet.RepresentationModel.YamlStream();
        template.Load(new StringReader(yaml));
        var scalar = (YamlDotNet.RepresentationModel.YamlScalarNode)((YamlDotNet.RepresentationModel.YamlMappingNode)template.Documents[0].RootNode).Children.Single().Value;
        Assert.Equal(YamlDotNet.Core.ScalarStyle.DoubleQuoted, scalar.Style);
        Assert.Equal(text, scalar.Value);
    }

    [Fact]
    public void ReferencesAreNotEscapedAndEmptyCollectionsAreFlow()
    {
        var yaml = YamlEmitter.Emit(new MapNode()
            .Set("a", TemplateNode.Ref("vpc", "id"))
            .Set("b", new ListNode([]))
            .Set("c", new MapNode())
            .Set("d", TemplateNode.List(TemplateNode.List("x"), new MapNode().Set("k", 1).Set("l", true))));
        Assert.Equal("\"a\": \"${vpc.id}\"\n\"b\": []\n\"c\": {}\n\"d\":\n  -\n    - \"x\"\n  - \"k\": 1\n    \"l\": true\n", yaml);
    }
}
