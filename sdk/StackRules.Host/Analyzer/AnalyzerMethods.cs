using System.Buffers;
using StackRules.Host.Analyzer.Protocol;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

namespace StackRules.Host.Analyzer;

/// <summary>
/// Binds <c>pulumirpc.Analyzer</c>'s methods to <see cref="AnalyzerService"/> with delegates (no reflection, so the
/// Native AOT build keeps them): <c>AnalyzeStack</c> decodes its request straight into the pack's resources
/// (<see cref="AnalyzeStackInput"/>) and writes its response straight from the violations
/// (<see cref="AnalyzeStackOutput"/>); every other request is parsed by Google.Protobuf with a recursion limit of
/// <see cref="RecursionLimit"/> messages instead of the default 100, which rejected a WAF WebAcl's nested
/// statements. A request that does not parse is <c>INVALID_ARGUMENT</c> with one line on stderr.
/// </summary>
internal sealed class AnalyzerMethods(AnalyzerSession session) : IServiceMethodProvider<AnalyzerService>
{
    public const string ServiceName = "pulumirpc.Analyzer";

    /// <summary>A property value nests three messages per level (Value, Struct, map entry): 512 property levels.</summary>
    public const int RecursionLimit = 3 * StackRequestDecoder.MaxPropertyDepth + 16;

    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<AnalyzerService> context)
    {
        var metadata = new List<object>();
        context.AddUnaryMethod(Unary<AnalyzeRequest, AnalyzeResponse>("Analyze", AnalyzeRequest.Parser), metadata, (s, r, c) => s.Analyze(r, c));
        context.AddUnaryMethod(Method("AnalyzeStack", StackInput(session), StackOutput()), metadata, (s, r, c) => s.AnalyzeStack(r, c));
        context.AddUnaryMethod(Unary<AnalyzeRequest, RemediateResponse>("Remediate", AnalyzeRequest.Parser), metadata, (s, r, c) => s.Remediate(r, c));
        context.AddUnaryMethod(Unary<Empty, AnalyzerInfo>("GetAnalyzerInfo", Empty.Parser), metadata, (s, r, c) => s.GetAnalyzerInfo(r, c));
        context.AddUnaryMethod(Unary<Empty, PluginInfo>("GetPluginInfo", Empty.Parser), metadata, (s, r, c) => s.GetPluginInfo(r, c));
        context.AddUnaryMethod(Unary<ConfigureAnalyzerRequest, Empty>("Configure", ConfigureAnalyzerRequest.Parser), metadata, (s, r, c) => s.Configure(r, c));
        context.AddUnaryMethod(Unary<AnalyzerHandshakeRequest, AnalyzerHandshakeResponse>("Handshake", AnalyzerHandshakeRequest.Parser), metadata, (s, r, c) => s.Handshake(r, c));
        context.AddUnaryMethod(Unary<AnalyzerStackConfigureRequest, AnalyzerStackConfigureResponse>("ConfigureStack", AnalyzerStackConfigureRequest.Parser), metadata, (s, r, c) => s.ConfigureStack(r, c));
        context.AddUnaryMethod(Unary<Empty, Empty>("Cancel", Empty.Parser), metadata, (s, r, c) => s.Cancel(r, c));
    }

    private static Marshaller<AnalyzeStackInput> StackInput(AnalyzerSession session) => new(
        (_, _) => throw new NotSupportedException("AnalyzeStackInput is a request; the server never sends one"),
        context =>
        {
            var payload = context.PayloadAsReadOnlySequence();
            if (payload.IsSingleSegment)
            {
                return AnalyzeStackInput.Decode(payload.FirstSpan, session.References);
            }

            var buffer = ArrayPool<byte>.Shared.Rent(checked((int)payload.Length));
            try
            {
                payload.CopyTo(buffer);
                return AnalyzeStackInput.Decode(buffer.AsSpan(0, (int)payload.Length), session.References);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        });

    /// <summary>The response of <c>AnalyzeStack</c>, written by <see cref="AnalyzeStackOutput"/> itself.</summary>
    private static Marshaller<AnalyzeStackOutput> StackOutput() => new(
        (output, context) =>
        {
            context.SetPayloadLength(output.CalculateSize());
            output.WriteTo(context.GetBufferWriter());
            context.Complete();
        },
        _ => throw new NotSupportedException("responses are never read here"));

    private static Method<TRequest, TResponse> Unary<TRequest, TResponse>(string name, MessageParser<TRequest> parser)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse> =>
        Method(name, Request(name, parser), Response<TResponse>());

    private static Method<TRequest, TResponse> Method<TRequest, TResponse>(string name, Marshaller<TRequest> request, Marshaller<TResponse> response)
        where TRequest : class
        where TResponse : class =>
        new(MethodType.Unary, ServiceName, name, request, response);

    private static Marshaller<TRequest> Request<TRequest>(string name, MessageParser<TRequest> parser)
        where TRequest : class, IMessage<TRequest> =>
        new(
            (message, context) => Serialize(message, context),
            context =>
            {
                try
                {
                    using var input = CodedInputStream.CreateWithLimits(new MemoryStream(context.PayloadAsNewBuffer(), writable: false), int.MaxValue, RecursionLimit);
                    return parser.ParseFrom(input);
                }
                catch (InvalidProtocolBufferException e)
                {
                    throw BadRequest.Reject(name, $"the request is not a valid {typeof(TRequest).Name}: {e.Message}");
                }
            });

    private static Marshaller<TResponse> Response<TResponse>()
        where TResponse : class, IMessage<TResponse> =>
        new((message, context) => Serialize(message, context), _ => throw new NotSupportedException("responses are never read here"));

    private static void Serialize<T>(T message, SerializationContext context)
        where T : IMessage<T>
    {
        var size = message.CalculateSize();
        context.SetPayloadLength(size);
        message.WriteTo(context.GetBufferWriter());
        context.Complete();
    }
}
