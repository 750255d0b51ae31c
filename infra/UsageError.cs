namespace FargateNetwork.Infra;

/// <summary>Bad command-line usage (exit code 2).</summary>
internal sealed class UsageError(string message) : Exception(message);
