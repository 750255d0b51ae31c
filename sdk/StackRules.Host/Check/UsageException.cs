namespace StackRules.Host.Check;

/// <summary>A wrong command line: the message says what is wrong; the command prints the usage after it.</summary>
internal sealed class UsageException(string message) : Exception(message);
