using System.Buffers;
using StackRules.Host.Analyzer.Protocol;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace StackRules.Host.Analyzer;

/// <summary>
/// Binds <c>pulumirpc.Analyzer</c>'s methods to <see cref="AnalyzerService"/> with delegates (no reflection, so the
/// Native AOT build keeps them): <c>AnalyzeStack</c> decodes its request straight into the pack's resources
/// (<see cref="AnalyzeStackInput"/>) and writes its response straight from the violations
/// (<see cref="AnalyzeStackOutput"/>); every other request is parsed by Google.Protobuf with a recursion limit of
/// <see cref="RecursionLimit"/> messages instead of the default 100, which rejected a WAF WebAcl's nested
/// statements. A request that does not parse is <c>INVALID_ARGUMENT</c> with one line on stderr. <see cref="GrpcServer"/>
/// serves them.
/// </summary>
internal static class AnalyzerMethods
{
    public const string ServiceName = "pulumirpc.Analyzer";

    /// <summary>A property value nests three messages per level (Value, Struct, map entry): 512 property levels.</summary>
    public const int RecursionLimit = 3 * StackRequestDecoder.MaxPropertyDepth + 16;

    /// <summary>The service's methods by request path.</summary>
    public static IReadOnlyDictionary<string, GrpcMethod> Bind(AnalyzerService service, AnalyzerSession session)
    {
        GrpcMethod[] methods =
        [
            new UnaryMethod<AnalyzeRequest, AnalyzeResponse>(Unary<AnalyzeRequest, AnalyzeResponse>("Analyze", AnalyzeRequest.Parser), service.Analyze),
            new UnaryMethod<AnalyzeStackInput, AnalyzeStackOutput>(Method("AnalyzeStack", StackInput(session), StackOutput()), service.AnalyzeStack),
            new UnaryMethod<AnalyzeRequest, RemediateResponse>(Unary<AnalyzeRequest, RemediateResponse>("Remediate", AnalyzeRequest.Parser), service.Remediate),
            new UnaryMethod<Empty, AnalyzerInfo>(Unary<Empty, AnalyzerInfo>("GetAnalyzerInfo", Empty.Parser), service.GetAnalyzerInfo),
            new UnaryMethod<Empty, PluginInfo>(Unary<Empty, PluginInfo>("GetPluginInfo", Empty.Parser), service.GetPluginInfo),
            new UnaryMethod<ConfigureAnalyzerRequest, Empty>(Unary<ConfigureAnalyzerRequest, Empty>("Configure", ConfigureAnalyzerRequest.Parser), service.Configure),
            new UnaryMethod<AnalyzerHandshakeRequest, AnalyzerHandshakeResponse>(
                Unary<AnalyzerHandshakeRequest, AnalyzerHandshakeResponse>("Handshake", AnalyzerHandshakeRequest.Parser), service.Handshake),
            new UnaryMethod<AnalyzerStackConfigureRequest, AnalyzerStackConfigureResponse>(
                Unary<AnalyzerStackConfigureRequest, AnalyzerStackConfigureResponse>("ConfigureStack", AnalyzerStackConfigureRequest.Parser), service.ConfigureStack),
            new UnaryMethod<Empty, Empty>(Unary<Empty, Empty>("Cancel", Empty.Parser), service.Cancel),
        ];
        return methods.ToDictionary(m => m.Path, StringComparer.Ordinal);
    }

    private static Marshaller<AnalyzeStackInput> StackInput(AnalyzerSession session) => new(
        (_, _) => throw new NotSupportedException("AnalyzeStackInput is a request; the server never sends one"),
        context =>
        {
            var payload = context.PayloadAsReadOnlySequence();
            if (payload.IsSingleSegment)
            {
                return AnalyzeStackInput.Decode(payload.First, session.References);
            }

            var buffer = ArrayPool<byte>.Shared.Rent(checked((int)payload.Length));
            try
            {
                payload.CopyTo(buffer);
                return AnalyzeStackInput.Decode(buffer.AsMemory(0, (int)payload.Length), session.References);
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
