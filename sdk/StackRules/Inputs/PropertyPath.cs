using System.Globalization;

namespace StackRules.Inputs;

/// <summary>
/// Follows a property path of a Pulumi YAML expression (<c>a.b[0]["c"]</c>) into a known value, such as a template
/// variable. A step into an unknown value or a missing key is unknown; a secret stays secret; a step into a reference
/// refers to the deeper property of the same resource.
/// </summary>
internal static class PropertyPath
{
    public static PropertyValue Select(PropertyValue value, string path)
    {
        var secret = false;
        var i = 0;
        while (i < path.Length)
        {
            while (value is SecretValue s)
            {
                secret = true;
                value = s.Inner;
            }

            if (value is ReferenceValue reference)
            {
                var rest = path[i..].TrimStart('.');
                value = reference with { Property = reference.Property == "id" ? rest : $"{reference.Property}.{rest}" };
                break;
            }

            string key;
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                key = path[(i + 1)..end];
                i = end;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0)
                {
                    return UnknownValue.Instance;
                }

                key = path[(i + 1)..end].Trim('"');
                i = end + 1;
            }
            else
            {
                // The first step of a path has no leading dot.
                var end = path.IndexOfAny(['.', '['], i);
                end = end < 0 ? path.Length : end;
                key = path[i..end];
                i = end;
            }

            value = value switch
            {
                ObjectValue o when o.Properties.TryGetValue(key, out var next) => next,
                ArrayValue a when int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < a.Items.Count => a.Items[index],
                _ => UnknownValue.Instance,
            };
            if (value is UnknownValue)
            {
                return value;
            }
        }

        return secret && value is not SecretValue ? new SecretValue(value) : value;
    }
}
