using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;

namespace StackRules.Host.Analyzer;

/// <summary>
/// One unary gRPC call over Kestrel's HTTP/2 request and response, as gRPC's wire protocol has it: the request body is
/// one length-prefixed message (its 5-byte header: a compressed flag and the big-endian length), read whole in place
/// and handed to the method's marshaller; the answer is <c>200</c>, <c>content-type: application/grpc</c>, one
/// length-prefixed message and the <c>grpc-status</c> trailer. A failure is only headers (gRPC's "trailers-only"
/// response: <c>grpc-status</c> and a percent-encoded <c>grpc-message</c>).
/// </summary>
internal sealed class GrpcExchange(IFeatureCollection features, int maxMessageBytes, int maxInflatedBytes)
{
    /// <summary>The message encodings a request may use (<c>grpc-accept-encoding</c>).</summary>
    public const string AcceptEncoding = "identity,gzip";

    private readonly IHttpRequestFeature request = features.GetRequiredFeature<IHttpRequestFeature>();
    private readonly IHttpResponseFeature response = features.GetRequiredFeature<IHttpResponseFeature>();

    /// <summary>The request path: <c>/package.Service/Method</c>.</summary>
    public string Path => request.Path;

    /// <summary>The HTTP method (gRPC is always <c>POST</c>).</summary>
    public string HttpMethod => request.Method;

    /// <summary>The request's content type, if any.</summary>
    public string? ContentType => request.Headers.ContentType;

    /// <summary>Signalled when the client resets the stream or the connection goes away.</summary>
    public CancellationToken Aborted { get; } = features.Get<IHttpRequestLifetimeFeature>()?.RequestAborted ?? CancellationToken.None;

    /// <summary>Whether the content type is gRPC's (<c>application/grpc</c>, optionally <c>+proto</c> or parameters).</summary>
    public bool IsGrpc => ContentType is { } type && type.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase)
        && (type.Length == 16 || type[16] is '+' or ';');

    /// <summary>Reads the one request message to the end of the body and deserializes it in place.</summary>
    public async Task<T> ReadRequestAsync<T>(Marshaller<T> marshaller)
    {
        var body = features.GetRequiredFeature<IRequestBodyPipeFeature>().Reader;
        while (true)
        {
            var read = await body.ReadAsync(Aborted);
            var buffer = read.Buffer;
            if (read.IsCanceled)
            {
                throw new OperationCanceledException("the request body was cancelled");
            }

            var length = -1L;
            if (buffer.Length >= FrameSerializationContext.HeaderBytes)
            {
                length = MessageLength(buffer);
                if (buffer.Length > FrameSerializationContext.HeaderBytes + length)
                {
                    throw new RpcException(new Status(StatusCode.Internal, "Additional data after the message received."));
                }
            }

            if (!read.IsCompleted)
            {
                // Everything is kept and examined: Kestrel opens the HTTP/2 flow-control window for more.
                body.AdvanceTo(buffer.Start, buffer.End);
                continue;
            }

            if (length < 0 || buffer.Length < FrameSerializationContext.HeaderBytes + length)
            {
                throw new RpcException(new Status(StatusCode.Internal, buffer.Length == 0 ? "No message received." : "Incomplete message."));
            }

            try
            {
                return Deserialize(marshaller, buffer);
            }
            finally
            {
                body.AdvanceTo(buffer.End);
            }
        }
    }

    /// <summary>Answers <paramref name="message"/> with status OK.</summary>
    public async Task WriteResponseAsync<T>(Marshaller<T> marshaller, T message)
    {
        var body = features.GetRequiredFeature<IHttpResponseBodyFeature>().Writer;
        StartResponse(200);
        marshaller.ContextualSerializer(message, new FrameSerializationContext(body, maxMessageBytes));
        await body.FlushAsync(Aborted);
        if (features.Get<IHttpResponseTrailersFeature>() is { } trailers)
        {
            trailers.Trailers["grpc-status"] = "0";
        }
    }

    /// <summary>
    /// Ends the call with <paramref name="status"/>: as headers alone when nothing was sent yet, as trailers otherwise.
    /// <paramref name="httpStatus"/> is 200 for every gRPC status; 415 or 405 for a request that is not gRPC at all.
    /// </summary>
    public void Finish(Status status, int httpStatus = 200)
    {
        var headers = response.Headers;
        if (response.HasStarted)
        {
            headers = features.Get<IHttpResponseTrailersFeature>()?.Trailers ?? headers;
        }
        else
        {
            StartResponse(httpStatus);
        }

        headers["grpc-status"] = ((int)status.StatusCode).ToString(CultureInfo.InvariantCulture);
        if (status.Detail.Length > 0)
        {
            headers["grpc-message"] = PercentEncode(status.Detail);
        }
    }

    private void StartResponse(int httpStatus)
    {
        response.StatusCode = httpStatus;
        response.Headers.ContentType = "application/grpc";
        response.Headers["grpc-accept-encoding"] = AcceptEncoding;
    }

    private long MessageLength(ReadOnlySequence<byte> buffer)
    {
        Span<byte> header = stackalloc byte[FrameSerializationContext.HeaderBytes];
        buffer.Slice(0, FrameSerializationContext.HeaderBytes).CopyTo(header);
        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (length > maxMessageBytes)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, "Received message exceeds the maximum configured message size."));
        }

        return length;
    }

    private T Deserialize<T>(Marshaller<T> marshaller, ReadOnlySequence<byte> buffer)
    {
        var compressed = buffer.FirstSpan[0] != 0;
        var payload = buffer.Slice(FrameSerializationContext.HeaderBytes);
        if (compressed)
        {
            var encoding = request.Headers["grpc-encoding"].ToString();
            if (encoding.Length == 0 || encoding == "identity")
            {
                throw new RpcException(new Status(StatusCode.Internal, "Request did not include grpc-encoding value with compressed message."));
            }

            if (encoding != LimitedGzip.EncodingName)
            {
                throw new RpcException(new Status(StatusCode.Unimplemented, $"Unsupported grpc-encoding value '{encoding}'. Supported encodings: identity, gzip"));
            }

            payload = LimitedGzip.Inflate(payload, maxInflatedBytes);
        }

        return marshaller.ContextualDeserializer(new PayloadDeserializationContext(payload));
    }

    /// <summary><c>grpc-message</c>'s encoding: UTF-8, with every byte outside printable ASCII (and <c>%</c>) as <c>%XX</c>.</summary>
    internal static string PercentEncode(string text)
    {
        if (!text.AsSpan().ContainsAnyExceptInRange(' ', '~') && !text.Contains('%', StringComparison.Ordinal))
        {
            return text;
        }

        var encoded = new StringBuilder(text.Length + 16);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            if (b is < 0x20 or > 0x7E or (byte)'%')
            {
                encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                encoded.Append((char)b);
            }
        }

        return encoded.ToString();
    }
}
