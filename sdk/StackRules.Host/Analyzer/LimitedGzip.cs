using System.Buffers;
using System.IO.Compression;
using Grpc.Core;

namespace StackRules.Host.Analyzer;

/// <summary>
/// gRPC's <c>gzip</c> message encoding, inflated with a limit on the decompressed size: a request that inflates past
/// <c>maxBytes</c> fails as soon as it does (RESOURCE_EXHAUSTED), instead of being inflated whole into memory first (a
/// 600 KB request inflating to 600 MB took the process to 930 MB). The server never compresses its answers.
/// </summary>
internal static class LimitedGzip
{
    /// <summary>The <c>grpc-encoding</c> name.</summary>
    public const string EncodingName = "gzip";

    /// <summary>The message inside <paramref name="compressed"/>, at most <paramref name="maxBytes"/> long.</summary>
    public static ReadOnlySequence<byte> Inflate(ReadOnlySequence<byte> compressed, int maxBytes)
    {
        try
        {
            using var gzip = new GZipStream(new MemoryStream(compressed.ToArray(), writable: false), CompressionMode.Decompress);
            using var limited = new LimitedReadStream(gzip, maxBytes);
            var inflated = new MemoryStream();
            limited.CopyTo(inflated);
            return new ReadOnlySequence<byte>(inflated.GetBuffer(), 0, (int)inflated.Length);
        }
        catch (InvalidDataException e)
        {
            throw new RpcException(new Status(StatusCode.Internal, $"the gzip request does not inflate: {e.Message}"));
        }
    }
}
