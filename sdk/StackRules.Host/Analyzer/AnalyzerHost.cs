using System.Net;
using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace StackRules.Host.Analyzer;

/// <summary>
/// Boots the analyzer as the Pulumi CLI expects: gRPC over cleartext HTTP/2 on 127.0.0.1 and a free port, the port
/// alone as the first line on stdout, every log on stderr (the CLI shows later output to the user), and a clean exit
/// on SIGINT/SIGTERM (what the CLI sends after <c>Cancel</c>) or on <c>Cancel</c> itself. The limits a user can rely
/// on are set here, deliberately, and listed in docs/policy-pack.md.
/// </summary>
internal static class AnalyzerHost
{
    /// <summary>
    /// Pulumi's own limit for analyzer messages (AnalyzeStack carries every resource's outputs; 100,000 resources are
    /// about 78 MB).
    /// </summary>
    public const int MaxMessageBytes = 400 * 1024 * 1024;

    /// <summary>
    /// Kestrel's request body limit (30,000,000 bytes by default, which failed a 100,000-resource AnalyzeStack): one
    /// message of <see cref="MaxMessageBytes"/> plus its 5-byte gRPC frame header.
    /// </summary>
    public const long MaxRequestBodyBytes = MaxMessageBytes + 5L;

    /// <summary>
    /// What a gzip-compressed request may inflate to (the engine never compresses; 100,000 resources are about
    /// 78 MB), so a small request cannot make the process allocate hundreds of megabytes.
    /// </summary>
    public const int MaxInflatedBytes = 128 * 1024 * 1024;

    /// <summary>An idle connection (no request in flight) is closed after this; the engine reconnects if it needs to.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// A connection that opens a request but sends no headers for this long is closed (a request body that trickles
    /// is ended by Kestrel's minimum data rate; no HTTP/2 pings: a busy client that answers one late would lose its
    /// connection mid-call).
    /// </summary>
    public static readonly TimeSpan HalfOpenTimeout = TimeSpan.FromSeconds(20);

    /// <summary>On SIGINT/SIGTERM, requests still in flight get this long before the process exits anyway.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(2);

    /// <summary>The engine holds one connection; more than this many at once are refused (each is an open file).</summary>
    public const long MaxConnections = 100;

    /// <summary>Runs the server until it is told to stop; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, PolicyPack pack)
    {
        var arguments = AnalyzerArguments.Parse(args);
        var session = new AnalyzerSession(pack) { EngineAddress = arguments.EngineAddress, RootDirectory = arguments.PackDirectory };
        GrpcServer server;
        try
        {
            server = await StartAsync(session, LogLevel.Warning);
        }
        catch (IOException e)
        {
            await Console.Error.WriteLineAsync($"{pack.Name}: cannot listen on 127.0.0.1: {e.Message}");
            return 1;
        }

        // What the CLI sends after Cancel, and Ctrl+C: stop cleanly (exit 0) instead of dying on the signal.
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var quit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, Stop);
        try
        {
            var stdout = Console.Out;
            await stdout.WriteAsync($"{server.Port}\n");
            await stdout.FlushAsync();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A closed stdout is EBADF, which .NET reports as UnauthorizedAccessException. The CLI reads the port from
            // stdout: without it nobody can connect, so say why and exit.
            await Console.Error.WriteLineAsync($"{pack.Name}: cannot write the port to stdout ({e.Message}); exiting");
            await server.DisposeAsync();
            return 1;
        }

        await server.WaitForStopAsync();
        await server.DisposeAsync();
        return 0;

        void Stop(PosixSignalContext signal)
        {
            signal.Cancel = true;
            server.RequestStop();
        }
    }

    /// <summary>Starts the server for <paramref name="pack"/> on a free loopback port (tests use this directly).</summary>
    public static Task<GrpcServer> StartAsync(PolicyPack pack, LogLevel minimumLevel = LogLevel.Warning) =>
        StartAsync(new AnalyzerSession(pack), minimumLevel);

    /// <summary>Starts the server for <paramref name="session"/> on a free loopback port.</summary>
    public static async Task<GrpcServer> StartAsync(AnalyzerSession session, LogLevel minimumLevel)
    {
        BadRequest.Prefix = session.Definition.Name;
        // Kestrel alone (GrpcServer): no host, no container, no configuration source (the working directory is the
        // user's Pulumi project, and environment variables such as ASPNETCORE_URLS are not ours); start-up time is what
        // the CLI waits for.
        var kestrel = new KestrelServerOptions
        {
            AddServerHeader = false,
            Limits =
            {
                MaxRequestBodySize = MaxRequestBodyBytes,
                MaxConcurrentConnections = MaxConnections,
                KeepAliveTimeout = IdleTimeout,
                RequestHeadersTimeout = HalfOpenTimeout,
            },
        };
        kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);
        var loggers = new StderrLoggerFactory(minimumLevel);
        var server = new GrpcServer(kestrel, loggers) { ShutdownTimeout = ShutdownTimeout };
        var service = new AnalyzerService(session, server.RequestStop);
        var application = new GrpcApplication(
            AnalyzerMethods.Bind(service, session), MaxMessageBytes, MaxInflatedBytes, loggers.CreateLogger("StackRules.Host.Analyzer.GrpcApplication"));
        await server.StartAsync(application);
        return server;
    }
}
