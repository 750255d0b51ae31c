using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace StackRules.Host.Analyzer;

/// <summary>
/// Kestrel alone, serving one <see cref="GrpcApplication"/>: no generic host, no dependency-injection container, no
/// configuration (each costs start-up time, which the Pulumi CLI waits for). <see cref="Stopping"/> is signalled by
/// <see cref="RequestStop"/> (the <c>Cancel</c> call, SIGINT, SIGTERM); stopping gives requests in flight a grace
/// period, then aborts them.
/// </summary>
internal sealed class GrpcServer(KestrelServerOptions options, ILoggerFactory loggers) : IAsyncDisposable
{
    private readonly KestrelServer kestrel = new(
        Options.Create(options), new SocketTransportFactory(Options.Create(new SocketTransportOptions()), loggers), loggers);

    private readonly CancellationTokenSource stopping = new();
    private int stopped;

    /// <summary>The port Kestrel bound (0 until <see cref="StartAsync"/>).</summary>
    public int Port { get; private set; }

    /// <summary>Signalled once the server is asked to stop.</summary>
    public CancellationToken Stopping => stopping.Token;

    /// <summary>How long requests in flight get when the server stops.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Starts listening; the port is known afterwards.</summary>
    public async Task StartAsync(GrpcApplication application)
    {
        await kestrel.StartAsync(application, CancellationToken.None);
        var address = kestrel.Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Port = new Uri(address).Port;
    }

    /// <summary>Asks the server to stop (thread-safe; any number of times).</summary>
    public void RequestStop()
    {
        try
        {
            stopping.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already disposed: stopped.
        }
    }

    /// <summary>Completes when <see cref="RequestStop"/> has been called.</summary>
    public Task WaitForStopAsync()
    {
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        stopping.Token.Register(() => stopped.TrySetResult());
        return stopped.Task;
    }

    /// <summary>Stops listening, gives requests in flight <see cref="ShutdownTimeout"/>, then aborts them.</summary>
    public async Task StopAsync()
    {
        RequestStop();
        if (Interlocked.Exchange(ref stopped, 1) == 1)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(ShutdownTimeout);
        await kestrel.StopAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        kestrel.Dispose();
        stopping.Dispose();
    }
}
