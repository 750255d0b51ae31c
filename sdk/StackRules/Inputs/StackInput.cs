using System.Text.Json;

namespace StackRules.Inputs;

/// <summary>
/// One input file read as a stack: the format is detected from the content (JSON with <c>deployment</c> → stack export,
/// with <c>steps</c> → preview, YAML or JSON with <c>resources</c> → template). Every failure is an
/// <see cref="InputException"/> with one line naming the file.
/// </summary>
/// <param name="Source">The path as given, or <c>-</c> for standard input.</param>
/// <param name="DisplayName">How messages name the input: the path, or <c>&lt;stdin&gt;</c>.</param>
public sealed record StackInput(string Source, string DisplayName, InputFormat Format, IReadOnlyList<StackResource> Resources)
{
    /// <summary>The source name that means standard input.</summary>
    public const string Stdin = "-";

    // Duplicate keys are refused while parsing: Pulumi never writes them, and which one wins would be a guess.
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = InputLimits.MaxDepth, AllowDuplicateProperties = false };

    /// <summary>
    /// Reads <paramref name="source"/> (a path, or <c>-</c> for <paramref name="stdin"/>), refusing more than
    /// <see cref="InputLimits.MaxInputBytes"/>.
    /// </summary>
    public static StackInput Load(string source, TextReader stdin, DependencyReferences? references = null)
    {
        var display = source == Stdin ? "<stdin>" : source;
        var text = source == Stdin
            ? InputText.ReadAll(stdin, display, InputLimits.MaxInputBytes)
            : InputText.ReadFile(source, display, InputLimits.MaxInputBytes);
        return Parse(text, source, display, references);
    }

    /// <summary>
    /// Detects the format of <paramref name="text"/> and reads it. Text that starts with <c>{</c> or <c>[</c> is read
    /// as JSON, after a streaming depth check that refuses deep nesting before anything is loaded (and is not then
    /// retried as YAML); only JSON with another syntax error is tried as a YAML flow mapping.
    /// </summary>
    public static StackInput Parse(string text, string source, string display, DependencyReferences? references = null)
    {
        if (text.Length > InputLimits.MaxInputBytes)
        {
            throw new InputException($"{display}: larger than {InputLimits.Describe(InputLimits.MaxInputBytes)}, the most the check reads from one input; check a smaller stack or split the file");
        }

        var trimmed = text.AsSpan().TrimStart();
        if (trimmed.IsEmpty)
        {
            throw new InputException($"{display}: empty file: expected a Pulumi template, stack export or preview JSON");
        }

        if (trimmed[0] is '{' or '[')
        {
            JsonNesting.Check(text, display, InputLimits.MaxDepth);
            JsonDocument? document = null;
            try
            {
                document = JsonDocument.Parse(text, JsonOptions);
            }
            catch (JsonException e)
            {
                // A YAML flow mapping also starts with '{'; if it is not YAML either, the JSON error is the useful one.
                if (TryYaml(text, display) is { } yaml)
                {
                    return FromYaml(yaml, source, display, text.Length);
                }

                throw new InputException($"{display}: invalid JSON at line {(e.LineNumber ?? 0) + 1}: {FirstSentence(e.Message)}");
            }

            using (document)
            {
                return FromJson(document.RootElement, source, display, text.Length, references);
            }
        }

        return FromYaml(YamlSource.Parse(text, display), source, display, text.Length);
    }

    private static StackInput FromJson(JsonElement root, string source, string display, long length, DependencyReferences? references)
    {
        if (root.ValueKind == JsonValueKind.Object)
        {
            if (root.TryGetProperty("deployment", out _) || root.TryGetProperty("checkpoint", out _))
            {
                return new(source, display, InputFormat.StackExport, StackExportReader.Read(root, display));
            }

            if (root.TryGetProperty("steps", out _))
            {
                return new(source, display, InputFormat.Preview, PreviewReader.Read(root, display, references ?? DependencyReferences.None));
            }

            if (root.TryGetProperty("resources", out _))
            {
                return new(source, display, InputFormat.Template, TemplateReader.Read((MappingNode)MappingNode.FromJson(root), display, length));
            }
        }

        throw Unrecognised(display);
    }

    private static StackInput FromYaml(SourceNode? root, string source, string display, long length)
    {
        if (root is MappingNode map && map.Get("resources") is not null)
        {
            return new(source, display, InputFormat.Template, TemplateReader.Read(map, display, length));
        }

        if (root is null)
        {
            throw new InputException($"{display}: empty document: expected a Pulumi template, stack export or preview JSON");
        }

        throw Unrecognised(display);
    }

    private static MappingNode? TryYaml(string text, string display)
    {
        try
        {
            return YamlSource.Parse(text, display) is MappingNode map && map.Get("resources") is not null ? map : null;
        }
        catch (InputException)
        {
            return null;
        }
    }

    private static InputException Unrecognised(string display) =>
        new($"{display}: not a Pulumi template, stack export or preview JSON (expected a top-level resources, deployment or steps key)");

    /// <summary>System.Text.Json messages end with the path and position; the first sentence is the reason.</summary>
    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (end > 0 ? message[..end] : message).Trim().TrimEnd('.').Trim();
    }
}
