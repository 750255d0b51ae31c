using System.Buffers;
using Grpc.Core;

namespace StackRules.Host.Analyzer;

/// <summary>One request message as a marshaller reads it: the bytes of its frame, in place in the request body.</summary>
internal sealed class PayloadDeserializationContext(ReadOnlySequence<byte> payload) : DeserializationContext
{
    public override int PayloadLength => (int)payload.Length;

    public override byte[] PayloadAsNewBuffer() => payload.ToArray();

    public override ReadOnlySequence<byte> PayloadAsReadOnlySequence() => payload;
}
