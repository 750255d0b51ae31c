namespace StackRules.Inputs;

/// <summary>
/// Input that cannot be read as a stack: a missing or empty file, invalid YAML or JSON, or a document of the wrong
/// shape. The message is one line that names the file (and the line or key where known) and never quotes a value, so
/// a secret can never leak through an error.
/// </summary>
public sealed class InputException(string message) : Exception(message);
