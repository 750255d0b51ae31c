using StackRules.Host.Analyzer;

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

    [Theory]
    [InlineData(new[] { "127.0.0.1:4000" }, true)]
    [InlineData(new[] { "--logtostderr", "localhost:65535", "." }, true)]
    [InlineData(new[] { "[::1]:50051" }, true)]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "lint" }, false)]
    [InlineData(new[] { "--help" }, false)]
    [InlineData(new[] { "127.0.0.1:0" }, false)]
    [InlineData(new[] { "127.0.0.1:99999" }, false)]
    [InlineData(new[] { "127.0.0.1:-1" }, false)]
    public void OnlyAHostAndPortIsAnEngineAddress(string[] args, bool expected) =>
        Assert.Equal(expected, AnalyzerArguments.Parse(args).HasEngineAddress);
}
