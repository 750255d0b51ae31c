using FargateNetwork.Policies.Pack;
using StackRules.Host.Analyzer;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Client = StackRules.Host.Analyzer.Protocol.Analyzer.AnalyzerClient;

namespace FargateNetwork.Analyzer.Tests;

/// <summary>The analyzer server started in-process on a free loopback port, with a real gRPC client over HTTP/2.</summary>
internal sealed class AnalyzerServer : IAsyncDisposable
{
    private AnalyzerServer(WebApplication app, int port)
    {
        App = app;
        Port = port;
        Channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}", new GrpcChannelOptions
        {
            MaxReceiveMessageSize = AnalyzerHost.MaxMessageBytes,
            MaxSendMessageSize = AnalyzerHost.MaxMessageBytes,
        });
        Client = new Client(Channel);
    }

    public WebApplication App { get; }

    public int Port { get; }

    public GrpcChannel Channel { get; }

    public Client Client { get; }

    public static async Task<AnalyzerServer> StartAsync()
    {
        var (app, port) = await AnalyzerHost.StartAsync(FargatePack.Definition, LogLevel.None);
        return new AnalyzerServer(app, port);
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
