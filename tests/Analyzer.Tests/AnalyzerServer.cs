using FargateNetwork.Policies.Pack;
using StackRules.Host.Analyzer;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using Client = StackRules.Host.Analyzer.Protocol.Analyzer.AnalyzerClient;

namespace FargateNetwork.Analyzer.Tests;

/// <summary>The analyzer server started in-process on a free loopback port, with a real gRPC client over HTTP/2.</summary>
internal sealed class AnalyzerServer : IAsyncDisposable
{
    private AnalyzerServer(GrpcServer host)
    {
        Host = host;
        Port = host.Port;
        Channel = GrpcChannel.ForAddress($"http://127.0.0.1:{Port}", new GrpcChannelOptions
        {
            MaxReceiveMessageSize = AnalyzerHost.MaxMessageBytes,
            MaxSendMessageSize = AnalyzerHost.MaxMessageBytes,
        });
        Client = new Client(Channel);
    }

    public GrpcServer Host { get; }

    public int Port { get; }

    public GrpcChannel Channel { get; }

    public Client Client { get; }

    public static async Task<AnalyzerServer> StartAsync()
    {
        return new AnalyzerServer(await AnalyzerHost.StartAsync(FargatePack.Definition, LogLevel.None));
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await Host.DisposeAsync();
    }
}
