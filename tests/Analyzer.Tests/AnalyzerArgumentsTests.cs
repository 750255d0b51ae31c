using FargateNetwork.Policies.Analyzer;

namespace FargateNetwork.Analyzer.Tests;

public sealed class AnalyzerArgumentsTests
{
    [Theory]
    [InlineData(new[] { "127.0.0.1:4000" }, "127.0.0.1:4000", null)]
    [InlineData(new[] { "--logtostderr", "-v=9", "--tracing", "http://127.0.0.1:9411", "127.0.0.1:4000" }, "127.0.0.1:4000", null)]
    [InlineData(new[] { "--tracing=http://x", "127.0.0.1:4000" }, "127.0.0.1:4000", null)]
    [InlineData(new[] { "127.0.0.1:4000", ".", "-region=ap-northeast-1" }, "127.0.0.1:4000", ".")]
    [InlineData(new string[0], null, null)]
    public void BothArgumentShapesAreAccepted(string[] args, string? engine, string? directory)
    {
        var parsed = AnalyzerArguments.Parse(args);
        Assert.Equal(engine, parsed.EngineAddress);
        Assert.Equal(directory, parsed.PackDirectory);
    }
}
