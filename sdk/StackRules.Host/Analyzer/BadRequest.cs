using Grpc.Core;

namespace StackRules.Host.Analyzer;

/// <summary>
/// How the analyzer answers a request it cannot serve: the gRPC status the engine reports, plus exactly one line on
/// stderr (which the Pulumi CLI shows to the user), never a stack trace. A request the engine should not have sent is
/// <c>INVALID_ARGUMENT</c>; a failure of the pack itself is <c>INTERNAL</c>.
/// </summary>
internal static class BadRequest
{
    /// <summary>Where the one line goes (stderr; tests may redirect it).</summary>
    public static TextWriter Log { get; set; } = Console.Error;

    /// <summary>The name every line starts with: the pack's (the host sets it; a process serves one pack).</summary>
    public static string Prefix { get; set; } = "policy-pack";

    /// <summary>Logs the line and returns the <c>INVALID_ARGUMENT</c> exception to throw.</summary>
    public static RpcException Reject(string method, string message) => Fail(StatusCode.InvalidArgument, $"{method}: {message}");

    /// <summary>Logs <paramref name="detail"/> as one line and returns the exception with that status to throw.</summary>
    public static RpcException Fail(StatusCode code, string detail)
    {
        var line = detail.ReplaceLineEndings(" ");
        try
        {
            Log.WriteLine($"{Prefix}: {line}");
        }
        catch (IOException)
        {
            // stderr is gone; the status still tells the engine.
        }

        return new RpcException(new Status(code, detail));
    }
}
