using System.IO.Compression;
using Grpc.Net.Compression;

namespace StackRules.Host.Analyzer;

/// <summary>
/// gRPC's <c>gzip</c> encoding with a limit on the decompressed size: a request that inflates past
/// <c>maxBytes</c> fails as soon as it does (RESOURCE_EXHAUSTED, message too large), instead of being inflated whole
/// into memory first (a 600 KB request inflating to 600 MB took the process to 930 MB).
/// </summary>
internal sealed class LimitedGzipProvider(int maxBytes) : ICompressionProvider
{
    public string EncodingName => "gzip";

    public Stream CreateCompressionStream(Stream stream, CompressionLevel? compressionLevel) =>
        new GZipStream(stream, compressionLevel ?? CompressionLevel.Fastest, leaveOpen: true);

    public Stream CreateDecompressionStream(Stream stream) =>
        new LimitedReadStream(new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true), maxBytes);
}
