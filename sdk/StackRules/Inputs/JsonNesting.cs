namespace StackRules.Inputs;

/// <summary>
/// A streaming scan of JSON (or YAML flow) text for its nesting depth, in one pass and constant memory: the first
/// bracket past the limit ends the scan with its line and column, before any parser has loaded the document. A
/// document refused here is not retried as YAML.
/// </summary>
internal static class JsonNesting
{
    /// <summary>Throws <see cref="InputException"/> when a map or list in <paramref name="text"/> is nested deeper than <paramref name="maxDepth"/>.</summary>
    public static void Check(string text, string display, int maxDepth)
    {
        var depth = 0;
        var line = 1;
        var lineStart = 0;
        var inString = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
                lineStart = i + 1;
                continue;
            }

            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '{' or '[':
                    if (++depth > maxDepth)
                    {
                        throw new InputException($"{display}: line {line}, column {i - lineStart + 1}: nested more than {maxDepth} levels of maps and lists; the most the check reads");
                    }

                    break;
                case '}' or ']':
                    depth = Math.Max(0, depth - 1);
                    break;
            }
        }
    }
}
