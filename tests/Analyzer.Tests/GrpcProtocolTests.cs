using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using StackRules.Host.Analyzer;
using FargateNetwork.Tests.Shared;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace FargateNetwork.Analyzer.Tests;

/// <summary>
/// gRPC's wire protocol as the analyzer's own server over Kestrel speaks it (GrpcServer, GrpcExchange): what the
/// engine's Go client and the grpc-js client rely on besides the methods themselves.
/// </summary>
public sealed class GrpcProtocolTests
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    [Theory]
    [InlineData(AnalyzerMethods.ServiceName, "NoSuchMethod")]
    [InlineData("pulumirpc.ResourceProvider", "GetPluginInfo")]
    public async Task AnUnknownMethodIsUnimplemented(string service, string method)
    {
        await using var server = await AnalyzerServer.StartAsync();
        var call = new Method<byte[], byte[]>(MethodType.Unary, service, method, Bytes, Bytes);
        var e = Assert.Throws<RpcException>(() => server.Channel.CreateCallInvoker().BlockingUnaryCall(call, null, new CallOptions(), []));
        Assert.Equal(StatusCode.Unimplemented, e.StatusCode);
        Assert.NotNull(await server.Client.GetPluginInfoAsync(new Empty()));
    }

    [Fact]
    public async Task ACompressedMessageInAnUnknownEncodingIsUnimplemented()
    {
        await using var server = await AnalyzerServer.StartAsync();
        var (status, trailers) = await RawCall(server.Port, "GetPluginInfo", [1, 0, 0, 0, 0], "application/grpc", "br");
        Assert.Equal("12", status);
        Assert.Contains("gzip", trailers["grpc-accept-encoding"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoMessagesInAUnaryRequestAreRefused()
    {
        await using var server = await AnalyzerServer.StartAsync();
        var (status, _) = await RawCall(server.Port, "GetPluginInfo", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], "application/grpc", null);
        Assert.Equal(((int)StatusCode.Internal).ToString(System.Globalization.CultureInfo.InvariantCulture), status);
    }

    [Fact]
    public async Task AnEmptyMessageIsAnswered()
    {
        await using var server = await AnalyzerServer.StartAsync();
        var (status, _) = await RawCall(server.Port, "GetPluginInfo", [0, 0, 0, 0, 0], "application/grpc+proto", null);
        Assert.Equal("0", status);
    }

    [Fact]
    public async Task ARequestThatIsNotGrpcIsRefused()
    {
        await using var server = await AnalyzerServer.StartAsync();
        using var client = Http2Client();
        using var request = Request(server.Port, "GetPluginInfo", [], "application/json");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("100% é\nx", "100%25 %C3%A9%0Ax")]
    public void GrpcMessageIsPercentEncoded(string detail, string encoded) =>
        Assert.Equal(encoded, GrpcExchange.PercentEncode(detail));

    [Fact]
    public async Task ADetailOutsideAsciiReachesTheClient()
    {
        await using var server = await AnalyzerServer.StartAsync();
        var request = new StackRules.Host.Analyzer.Protocol.ConfigureAnalyzerRequest();
        request.PolicyConfig["pölicy"] = new StackRules.Host.Analyzer.Protocol.PolicyConfig
        {
            Properties = new Struct { Fields = { ["x"] = new Value() } },
        };
        var e = await Assert.ThrowsAsync<RpcException>(async () => await server.Client.ConfigureAsync(request));
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Contains("pölicy", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePublishedPackExitsCleanlyOnSigterm()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var exe = RepositoryRoot.File("artifacts", "policy-pack", "pulumi-analyzer-policy-fargate-network");
        Assert.True(File.Exists(exe), $"the published analyzer {exe} is missing: run scripts/publish-policy-pack");
        var start = new ProcessStartInfo(exe, ["127.0.0.1:1"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var port = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(int.TryParse(port, out _), $"the first line is not a port: {port}");
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, process.ExitCode);
        Assert.Equal("", await stderr);
    }

    private static HttpClient Http2Client() =>
        new() { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };

    private static HttpRequestMessage Request(int port, string method, byte[] body, string contentType)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{port}/{AnalyzerMethods.ServiceName}/{method}")
        {
            Content = new ByteArrayContent(body),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TE.ParseAdd("trailers");
        return request;
    }

    /// <summary>One raw call: the grpc-status and the headers and trailers together.</summary>
    private static async Task<(string Status, Dictionary<string, string> Headers)> RawCall(int port, string method, byte[] body, string contentType, string? encoding)
    {
        Assert.True(body.Length < 5 || BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(1)) <= body.Length);
        using var client = Http2Client();
        using var request = Request(port, method, body, contentType);
        if (encoding is not null)
        {
            request.Headers.Add("grpc-encoding", encoding);
        }

        using var response = await client.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        var all = response.Headers.Concat(response.TrailingHeaders).ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return (all.TryGetValue("grpc-status", out var status) ? status : "none", all);
    }
}
