using Grpc.Core;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace StackRules.Host.Analyzer;

/// <summary>
/// What Kestrel runs for each request: the gRPC method the path names, or gRPC's answer for a request it cannot serve
/// (an unknown method is <c>UNIMPLEMENTED</c>, which the engine reads as "this analyzer does not have it"). A method's
/// <see cref="RpcException"/> is its status; any other exception is <c>UNKNOWN</c> with one line on stderr.
/// </summary>
internal sealed class GrpcApplication(IReadOnlyDictionary<string, GrpcMethod> methods, int maxMessageBytes, int maxInflatedBytes, ILogger logger)
    : IHttpApplication<IFeatureCollection>
{
    private static readonly Action<ILogger, string, Exception?> MethodFailed =
        LoggerMessage.Define<string>(LogLevel.Error, new EventId(6, "ErrorExecutingServiceMethod"), "Error when executing service method '{Method}'.");

    public IFeatureCollection CreateContext(IFeatureCollection contextFeatures) => contextFeatures;

    public void DisposeContext(IFeatureCollection context, Exception? exception)
    {
    }

    public async Task ProcessRequestAsync(IFeatureCollection context)
    {
        var exchange = new GrpcExchange(context, maxMessageBytes, maxInflatedBytes);
        if (!exchange.IsGrpc)
        {
            exchange.Finish(new Status(StatusCode.Internal, $"Content-Type '{exchange.ContentType}' is not supported."), StatusCodes.Status415UnsupportedMediaType);
            return;
        }

        if (!HttpMethods.IsPost(exchange.HttpMethod))
        {
            exchange.Finish(new Status(StatusCode.Internal, $"Request method '{exchange.HttpMethod}' is not supported."), StatusCodes.Status405MethodNotAllowed);
            return;
        }

        if (!methods.TryGetValue(exchange.Path, out var method))
        {
            exchange.Finish(new Status(StatusCode.Unimplemented, "Method is unimplemented."));
            return;
        }

        try
        {
            await method.ServeAsync(exchange);
        }
        catch (RpcException e)
        {
            exchange.Finish(e.Status);
        }
        catch (Exception) when (exchange.Aborted.IsCancellationRequested)
        {
            // The client reset the stream or went away: nobody is left to answer.
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel's own limits on the request body: its size, its minimum data rate.
            var code = e.StatusCode == StatusCodes.Status413PayloadTooLarge ? StatusCode.ResourceExhausted : StatusCode.Internal;
            exchange.Finish(new Status(code, e.Message));
        }
        catch (Exception e)
        {
            MethodFailed(logger, exchange.Path, e);
            exchange.Finish(new Status(StatusCode.Unknown, "Exception was thrown by handler."));
        }
    }
}
