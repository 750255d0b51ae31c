using System.Globalization;
using System.Text;
using YamlDotNet.Core;

namespace FargateNetwork.Infra;

/// <summary>
/// <c>--stack NAME</c> mode: reads <c>Pulumi.NAME.yaml</c> next to <c>Pulumi.yaml</c> (searched upwards from the
/// working directory, then from the compiler's own folder) into the same raw form Pulumi passes in
/// <c>PULUMI_CONFIG</c> (structured values as JSON text). Keys without a namespace get <c>fargate-network:</c>, as
/// Pulumi does. A <c>secure:</c> value cannot be decrypted here: it becomes a clearly marked placeholder, with a
/// warning. The file is read with the limits of <see cref="StackYaml"/>. Only this mode loads YamlDotNet, so run mode
/// starts faster.
/// </summary>
internal static class StackFile
{
    public const string SecurePlaceholder = "<secure value: only `pulumi` can decrypt it>";

    public static (Dictionary<string, string?> Values, string Path, string ProjectDirectory) Read(string stack, IEnumerable<string> searchRoots, TextWriter warnings)
    {
        if (stack.Length == 0 || stack.IndexOfAny(['/', '\\']) >= 0 || stack.StartsWith('.'))
        {
            throw new UsageError($"--stack '{stack}' is not a stack name (use e.g. --stack dev)");
        }

        var projectDirectory = FindProject(searchRoots)
            ?? throw new UsageError("--stack: Pulumi.yaml not found in the working directory or above it; run from the repository");
        var path = System.IO.Path.Combine(projectDirectory, $"Pulumi.{stack}.yaml");
        var shown = $"Pulumi.{stack}.yaml";
        if (!File.Exists(path))
        {
            throw new UsageError($"--stack {stack}: {path} does not exist (stacks here: {string.Join(", ", Directory.GetFiles(projectDirectory, "Pulumi.*.yaml").Select(f => System.IO.Path.GetFileName(f)[7..^5]))})");
        }

        StackNode? rootNode;
        try
        {
            if (new FileInfo(path).Length > StackYaml.MaxBytes)
            {
                throw new StackYamlException(1, $"is larger than {StackYaml.MaxBytes / 1024} KiB");
            }

            using var reader = new StreamReader(path, Encoding.UTF8);
            rootNode = StackYaml.Load(reader);
        }
        catch (StackYamlException e)
        {
            throw new ConfigError("(file)", $"cannot be read at line {e.Line}: {e.Message}", "fix the stack file (write config as `pulumi config set` does: plain keys, maps and lists)", shown);
        }
        catch (YamlException e)
        {
            throw new ConfigError("(file)", $"is not valid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.Message.ReplaceLineEndings(" ")}", "fix the YAML syntax", shown);
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (rootNode is not StackMap root || root.Entries.FirstOrDefault(e => e.Key == "config").Value is not StackMap config)
        {
            return (values, shown, projectDirectory);
        }

        foreach (var (rawKey, valueNode) in config.Entries)
        {
            var key = rawKey.Contains(':', StringComparison.Ordinal) ? rawKey : ConfigReader.Namespace + ":" + rawKey;
            var secure = false;
            var text = valueNode is StackScalar scalar ? scalar.Value : ToJson(valueNode, ref secure);
            if (IsSecure(valueNode))
            {
                text = SecurePlaceholder;
                secure = true;
            }

            if (secure)
            {
                warnings.WriteLine($"warning: {shown}: {key} holds a secure value; printed as the placeholder \"{SecurePlaceholder}\" (pulumi up passes the decrypted value)");
            }

            values[key] = text;
        }

        return (values, shown, projectDirectory);
    }

    /// <summary>The folder holding Pulumi.yaml, searching each root and its parents.</summary>
    public static string? FindProject(IEnumerable<string> searchRoots)
    {
        foreach (var root in searchRoots)
        {
            for (var dir = new DirectoryInfo(root); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "Pulumi.yaml")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }

    private static bool IsSecure(StackNode node) =>
        node is StackMap { Entries.Count: 1 } map && map.Entries[0].Key == "secure";

    private static string ToJson(StackNode node, ref bool secure)
    {
        var output = new StringBuilder();
        Write(output, node, ref secure);
        return output.ToString();
    }

    private static void Write(StringBuilder output, StackNode node, ref bool secure)
    {
        switch (node)
        {
            case StackMap map when IsSecure(map):
                secure = true;
                WriteString(output, SecurePlaceholder);
                break;
            case StackMap map:
                output.Append('{');
                for (var i = 0; i < map.Entries.Count; i++)
                {
                    if (i > 0)
                    {
                        output.Append(',');
                    }

                    WriteString(output, map.Entries[i].Key);
                    output.Append(':');
                    Write(output, map.Entries[i].Value, ref secure);
                }

                output.Append('}');
                break;
            case StackList list:
                output.Append('[');
                for (var i = 0; i < list.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        output.Append(',');
                    }

                    Write(output, list.Items[i], ref secure);
                }

                output.Append(']');
                break;
            case StackScalar scalar:
                WriteScalar(output, scalar);
                break;
        }
    }

    /// <summary>Plain YAML scalars that look like numbers or booleans stay numbers/booleans, as Pulumi's own YAML reading does.</summary>
    private static void WriteScalar(StringBuilder output, StackScalar scalar)
    {
        var value = scalar.Value;
        if (scalar.Plain)
        {
            if (value is "true" or "false")
            {
                output.Append(value);
                return;
            }

            if (value is "null" or "~" or "")
            {
                output.Append("null");
                return;
            }

            if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) && !(value.Length > 1 && value[0] == '0'))
            {
                output.Append(value);
                return;
            }
        }

        WriteString(output, value);
    }

    // JsonEncodedText escapes with the same default encoder as JsonSerializer, without its reflection-based
    // serializer, which a Native AOT build disables.
    private static void WriteString(StringBuilder output, string value) =>
        output.Append('"').Append(System.Text.Json.JsonEncodedText.Encode(value).Value).Append('"');
}
