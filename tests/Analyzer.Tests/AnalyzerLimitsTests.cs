using FargateNetwork.Policies.Pack;
using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using StackRules.Host.Analyzer;
using StackRules.Host.Analyzer.Protocol;
using FargateNetwork.Tests.Shared;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace FargateNetwork.Analyzer.Tests;

/// <summary>
/// The analyzer as a robust server (issue 10): the limits it sets deliberately (request body, gzip inflation,
/// nesting), bad requests answered INVALID_ARGUMENT with one line on stderr, and a clean exit without stdout.
/// </summary>
public sealed class AnalyzerLimitsTests
{
    private static readonly Method<byte[], byte[]> RawAnalyzeStack = new(
        MethodType.Unary, AnalyzerMethods.ServiceName, "AnalyzeStack", Marshallers.Create(b => b, b => b), Marshallers.Create(b => b, b => b));

    [Fact]
    public async Task ARequestOverKestrelsDefaultBodyLimitIsAnalyzed()
    {
        // Kestrel's default body limit is 30,000,000 bytes; a 100,000-resource stack is about 78 MB.
        await using var server = await AnalyzerServer.StartAsync();
        var request = new AnalyzeStackRequest();
        var document = new string('x', 1024 * 1024);
        for (var i = 0; i < 34; i++)
        {
            request.Resources.Add(new AnalyzerResource
            {
                Urn = $"urn:pulumi:s::p::aws:ecs/taskDefinition:TaskDefinition::t{i}",
                Type = "aws:ecs/taskDefinition:TaskDefinition",
                Properties = new Struct { Fields = { ["containerDefinitions"] = Value.ForString(document) } },
            });
        }

        Assert.True(request.CalculateSize() > 30_000_000);
        Assert.Empty((await server.Client.AnalyzeStackAsync(request)).Diagnostics);
    }

    [Fact]
    public async Task ProviderSchemasNestedDeeperThanProtobufsDefaultAreAnalyzed()
    {
        // 150 nested objects: far past Google.Protobuf's default recursion limit of 100 messages (33 objects).
        await using var server = await AnalyzerServer.StartAsync();
        var stack = StackRequestDecoderTests.Nested(150);
        Assert.Empty((await server.Client.AnalyzeStackAsync(stack)).Diagnostics);
        var resource = stack.Resources[0];
        Assert.Empty((await server.Client.AnalyzeAsync(new AnalyzeRequest { Urn = resource.Urn, Type = resource.Type, Properties = resource.Properties })).Diagnostics);

        var tooDeep = StackRequestDecoderTests.Nested(StackRequestDecoder.MaxPropertyDepth + 10);
        var e = await Assert.ThrowsAsync<RpcException>(async () => await server.Client.AnalyzeStackAsync(tooDeep));
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        var deep = tooDeep.Resources[0];
        e = await Assert.ThrowsAsync<RpcException>(async () => await server.Client.AnalyzeAsync(new AnalyzeRequest { Urn = deep.Urn, Type = deep.Type, Properties = deep.Properties }));
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
    }

    [Fact]
    public async Task AMalformedRequestIsInvalidArgumentWithOneLineOnStderr()
    {
        await using var server = await AnalyzerServer.StartAsync();
        var log = new StringWriter();
        var previous = BadRequest.Log;
        BadRequest.Log = TextWriter.Synchronized(log);
        try
        {
            // A resource field that claims more bytes than the message has.
            var garbage = new byte[] { 0x0A, 0x7F, 0x0A, 0x01 };
            var e = Assert.Throws<RpcException>(() => server.Channel.CreateCallInvoker().BlockingUnaryCall(RawAnalyzeStack, null, new CallOptions(), garbage));
            Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
            Assert.Contains("malformed protobuf", e.Status.Detail, StringComparison.Ordinal);
        }
        finally
        {
            BadRequest.Log = previous;
        }

        var lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains("malformed protobuf", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(lines);
        Assert.StartsWith($"{FargatePack.PackName}: AnalyzeStack: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", log.ToString(), StringComparison.Ordinal);
        Assert.Equal(FargatePack.PackVersion, (await server.Client.GetPluginInfoAsync(new Empty())).Version);
    }

    [Fact]
    public async Task AGzipRequestThatInflatesPastTheLimitIsRefused()
    {
        await using var server = await AnalyzerServer.StartAsync();
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < AnalyzerHost.MaxInflatedBytes / zeros.Length + 8; i++)
            {
                gzip.Write(zeros);
            }
        }

        Assert.True(compressed.Length < 1024 * 1024);
        var status = await RawGrpcCall(server.Port, "AnalyzeStack", compressed.ToArray(), "gzip");
        Assert.Equal(StatusCode.ResourceExhausted, status);

        // A gzip request within the limit still works (the client compresses it).
        var compressedCall = await server.Client.AnalyzeStackAsync(
            PreviewFixture.Load().StackRequest("ecr-api"), new Metadata { { "grpc-internal-encoding-request", "gzip" } });
        Assert.NotEmpty(compressedCall.Diagnostics);
    }

    [Fact]
    public async Task WithoutStdoutThePackExitsWithOneLine()
    {
        // `>&-`: the port line cannot be written (EBADF); the process must say so and exit 1, not crash.
        var dll = Path.Combine(AppContext.BaseDirectory, "pulumi-analyzer-policy-fargate-network.dll");
        var start = new ProcessStartInfo("sh", ["-c", "exec dotnet \"$0\" 127.0.0.1:1 >&-", dll])
        {
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot.Path,
        };
        using var process = Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(1, process.ExitCode);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.Contains("cannot write the port to stdout", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShutdownDoesNotWaitForATricklingRequest()
    {
        // A request whose body never ends held the exit for 30 s (the host's default shutdown timeout).
        var server = await AnalyzerServer.StartAsync();
        using var client = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        var body = new TricklingContent();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{server.Port}/{AnalyzerMethods.ServiceName}/AnalyzeStack")
        {
            Content = body,
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.ContentType = new("application/grpc");
        request.Headers.TE.ParseAdd("trailers");
        var call = client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await body.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var stop = Stopwatch.StartNew();
        var stopped = server.DisposeAsync().AsTask();
        var finished = await Task.WhenAny(stopped, Task.Delay(TimeSpan.FromSeconds(20)));
        Assert.Same(stopped, finished);
        Assert.True(stop.Elapsed < TimeSpan.FromSeconds(20), $"shutdown took {stop.Elapsed}");
        body.Stop();
        try
        {
            using var response = await call;
        }
        catch (HttpRequestException)
        {
            // The server aborted the connection: what shutting down means for a request still arriving.
        }
    }

    /// <summary>
    /// A request body that announces a 10 MiB message, then sends 1 KiB every 200 ms until stopped: above Kestrel's
    /// minimum data rate, so only the shutdown timeout ends it.
    /// </summary>
    private sealed class TricklingContent : HttpContent
    {
        private readonly CancellationTokenSource stop = new();

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Stop() => stop.Cancel();

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await stream.WriteAsync(new byte[] { 0, 0, 0xA0, 0, 0 });
            await stream.FlushAsync();
            Started.TrySetResult();
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    await Task.Delay(200, stop.Token);
                    await stream.WriteAsync(new byte[1024]);
                    await stream.FlushAsync();
                }
            }
            catch (OperationCanceledException)
            {
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            stop.Dispose();
            base.Dispose(disposing);
        }
    }

    /// <summary>One unary gRPC call with a hand-made frame (the client library cannot send pre-compressed bytes).</summary>
    private static async Task<StatusCode> RawGrpcCall(int port, string method, byte[] payload, string encoding)
    {
        using var client = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        var frame = new byte[5 + payload.Length];
        frame[0] = 1;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{port}/{AnalyzerMethods.ServiceName}/{method}")
        {
            Content = new ByteArrayContent(frame),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.ContentType = new("application/grpc");
        request.Headers.TE.ParseAdd("trailers");
        request.Headers.Add("grpc-encoding", encoding);
        using var response = await client.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        var status = response.TrailingHeaders.TryGetValues("grpc-status", out var values) || response.Headers.TryGetValues("grpc-status", out values)
            ? values.First()
            : throw new InvalidOperationException($"no grpc-status: HTTP {(int)response.StatusCode}, headers {response.Headers}, trailers {response.TrailingHeaders}");
        return (StatusCode)int.Parse(status, System.Globalization.CultureInfo.InvariantCulture);
    }
}
