
namespace StackRules.Host.Analyzer;

/// <summary>
/// The request of <c>AnalyzeStack</c> as the pack reads it off the wire (see <see cref="StackRequestDecoder"/>):
/// the resources, already normalised, instead of Google.Protobuf's <c>AnalyzeStackRequest</c> object tree.
/// </summary>
internal sealed class AnalyzeStackInput(IReadOnlyList<StackResource> resources)
{
    /// <summary>The stack's resources.</summary>
    public IReadOnlyList<StackResource> Resources { get; } = resources;

    /// <summary>
    /// Ends the request's use of memory kept between requests (the string pools' tables), once its evaluation is over:
    /// the resources stay readable, but are no longer found by URN.
    /// </summary>
    public void Release() => (Resources as DecodedStack)?.Release();

    /// <summary>Decodes the request bytes; malformed input is an <c>INVALID_ARGUMENT</c> with one line on stderr.</summary>
    public static AnalyzeStackInput Decode(ReadOnlyMemory<byte> request, DependencyReferences references)
    {
        try
        {
            return new AnalyzeStackInput(StackRequestDecoder.Decode(request, references));
        }
        catch (InvalidDataException e)
        {
            throw BadRequest.Reject("AnalyzeStack", e.Message);
        }
    }
}
