using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Grpc.AspNetCore.Server.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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
        WebApplication app;
        int port;
        try
        {
            (app, port) = await StartAsync(pack, LogLevel.Warning);
        }
        catch (IOException e)
        {
            await Console.Error.WriteLineAsync($"{pack.Name}: cannot listen on 127.0.0.1: {e.Message}");
            return 1;
        }

        var session = app.Services.GetRequiredService<AnalyzerSession>();
        session.EngineAddress ??= arguments.EngineAddress;
        session.RootDirectory ??= arguments.PackDirectory;

        try
        {
            var stdout = Console.Out;
            await stdout.WriteAsync($"{port}\n");
            await stdout.FlushAsync();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A closed stdout is EBADF, which .NET reports as UnauthorizedAccessException. The CLI reads the port from
            // stdout: without it nobody can connect, so say why and exit.
            await Console.Error.WriteLineAsync($"{pack.Name}: cannot write the port to stdout ({e.Message}); exiting");
            await app.StopAsync();
            await app.DisposeAsync();
            return 1;
        }

        await app.WaitForShutdownAsync();
        await app.DisposeAsync();
        return 0;
    }

    /// <summary>Starts the server on a free loopback port and returns it with that port (tests use this directly).</summary>
    public static async Task<(WebApplication App, int Port)> StartAsync(PolicyPack pack, LogLevel minimumLevel = LogLevel.Warning)
    {
        BadRequest.Prefix = pack.Name;
        // The working directory is the user's Pulumi project (which may hold an appsettings.json of its own): read no
        // configuration file from it.
        // The empty builder: no configuration source (environment variables such as ASPNETCORE_URLS included), no
        // logging provider, only Kestrel's core and routing's core; start-up time is what the CLI waits for.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrelCore();
        builder.Services.AddRoutingCore();
        builder.Logging.SetMinimumLevel(minimumLevel);
        builder.Logging.AddProvider(new StderrLoggerProvider(minimumLevel));
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            kestrel.Limits.MaxConcurrentConnections = MaxConnections;
            kestrel.Limits.KeepAliveTimeout = IdleTimeout;
            kestrel.Limits.RequestHeadersTimeout = HalfOpenTimeout;
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);
        });
        builder.Services.AddSingleton(new AnalyzerSession(pack));
        builder.Services.AddSingleton<IServiceMethodProvider<AnalyzerService>, AnalyzerMethods>();
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = MaxMessageBytes;
            grpc.MaxSendMessageSize = MaxMessageBytes;
            grpc.EnableDetailedErrors = false;
            // gzip only with a limit on what a request may inflate to (the engine never compresses).
            grpc.CompressionProviders = [new LimitedGzipProvider(MaxInflatedBytes)];
        });

        var app = builder.Build();
        app.MapGrpcService<AnalyzerService>();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address).Port);
    }
}
