using System.Net;
using FargateNetwork.Policies.Pack;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FargateNetwork.Pack.Analyzer;

/// <summary>
/// Boots the analyzer as the Pulumi CLI expects: gRPC over cleartext HTTP/2 on 127.0.0.1 and a free port, the port
/// alone as the first line on stdout, every log on stderr (the CLI shows later output to the user), and a clean exit
/// on SIGINT/SIGTERM (what the CLI sends after <c>Cancel</c>) or on <c>Cancel</c> itself.
/// </summary>
public static class AnalyzerHost
{
    /// <summary>Pulumi's own limit for analyzer messages (AnalyzeStack carries every resource's outputs).</summary>
    public const int MaxMessageBytes = 400 * 1024 * 1024;

    /// <summary>Runs the server until it is told to stop; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = AnalyzerArguments.Parse(args);
        WebApplication app;
        int port;
        try
        {
            (app, port) = await StartAsync(LogLevel.Warning);
        }
        catch (IOException e)
        {
            await Console.Error.WriteLineAsync($"{PolicyPack.PackName}: cannot listen on 127.0.0.1: {e.Message}");
            return 1;
        }

        var session = app.Services.GetRequiredService<AnalyzerSession>();
        session.EngineAddress ??= arguments.EngineAddress;
        session.RootDirectory ??= arguments.PackDirectory;

        var stdout = Console.Out;
        await stdout.WriteAsync($"{port}\n");
        await stdout.FlushAsync();

        await app.WaitForShutdownAsync();
        await app.DisposeAsync();
        return 0;
    }

    /// <summary>Starts the server on a free loopback port and returns it with that port (tests use this directly).</summary>
    public static async Task<(WebApplication App, int Port)> StartAsync(LogLevel minimumLevel = LogLevel.Warning)
    {
        // The working directory is the user's Pulumi project (which may hold an appsettings.json of its own): read no
        // configuration file from it.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(minimumLevel);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(
            o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);
        });
        builder.Services.AddSingleton<AnalyzerSession>();
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = MaxMessageBytes;
            grpc.MaxSendMessageSize = MaxMessageBytes;
            grpc.EnableDetailedErrors = false;
        });

        var app = builder.Build();
        app.MapGrpcService<AnalyzerService>();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address).Port);
    }
}
