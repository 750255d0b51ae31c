using Grpc.Core;

namespace StackRules.Host.Analyzer;

/// <summary>A gRPC method the server answers, found by its path (<c>/package.Service/Method</c>).</summary>
internal abstract class GrpcMethod
{
    /// <summary>The request path: <c>/</c>, the service's full name, <c>/</c>, the method's name.</summary>
    public abstract string Path { get; }

    /// <summary>Reads the request, runs the method and writes the answer (a failure is an <see cref="RpcException"/>).</summary>
    public abstract Task ServeAsync(GrpcExchange exchange);
}

/// <summary>A unary method: one request message, one response message, through the method's own marshallers.</summary>
internal sealed class UnaryMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, Func<TRequest, Task<TResponse>> handler) : GrpcMethod
    where TRequest : class
    where TResponse : class
{
    public override string Path { get; } = $"/{method.ServiceName}/{method.Name}";

    public override async Task ServeAsync(GrpcExchange exchange)
    {
        var request = await exchange.ReadRequestAsync(method.RequestMarshaller);
        var response = await handler(request);
        await exchange.WriteResponseAsync(method.ResponseMarshaller, response);
    }
}
