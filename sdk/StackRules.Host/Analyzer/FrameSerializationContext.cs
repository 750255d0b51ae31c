using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using Grpc.Core;

namespace StackRules.Host.Analyzer;

/// <summary>
/// One response message as a marshaller writes it: the 5-byte gRPC frame header (not compressed, the length) once the
/// length is set, then the message straight into the response body's pipe. A message over
/// <c>maxMessageBytes</c> is refused before anything is written (RESOURCE_EXHAUSTED).
/// </summary>
internal sealed class FrameSerializationContext(PipeWriter body, int maxMessageBytes) : SerializationContext
{
    /// <summary>The frame header: a compressed flag and the message length (big-endian).</summary>
    public const int HeaderBytes = 5;

    private bool started;

    public override void SetPayloadLength(int payloadLength)
    {
        if (started)
        {
            throw new InvalidOperationException("one message per response");
        }

        if (payloadLength > maxMessageBytes)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, "Sending message exceeds the maximum configured message size."));
        }

        var header = body.GetSpan(HeaderBytes);
        header[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(header[1..], (uint)payloadLength);
        body.Advance(HeaderBytes);
        started = true;
    }

    public override IBufferWriter<byte> GetBufferWriter() =>
        started ? body : throw new InvalidOperationException("the payload length is set before the payload is written");

    public override void Complete(byte[] payload)
    {
        SetPayloadLength(payload.Length);
        body.Write(payload);
    }

    public override void Complete()
    {
    }
}
