using System.Text.RegularExpressions;

namespace FargateNetwork.Infra.Tests;

/// <summary>
/// The truth about pulumi-aws, read from the published npm package in node_modules/@pulumi/aws: each resource's type
/// token (<c>__pulumiType</c> in its .js), its argument names (<c>XxxArgs</c> in its .d.ts) and nested input types
/// (<c>types/input.d.ts</c>).
/// </summary>
internal sealed partial class ProviderSchema
{
    private static readonly Lazy<ProviderSchema> Instance = new(() => new ProviderSchema(FargateNetwork.Tests.Shared.RepositoryRoot.NodePackage("@pulumi/aws")));
    private readonly string root;
    private readonly Lazy<string> inputs;

    private ProviderSchema(string root)
    {
        this.root = root;
        inputs = new(() => File.ReadAllText(Path.Combine(root, "types", "input.d.ts")));
        Version = PackageVersion().Match(File.ReadAllText(Path.Combine(root, "package.json"))).Groups[1].Value;
    }

    public static ProviderSchema Aws => Instance.Value;

    public string Version { get; }

    /// <summary>The argument names and their type text for a type token, or null when the token does not exist.</summary>
    public Dictionary<string, string>? ResourceArgs(string token)
    {
        var match = Token().Match(token);
        if (!match.Success)
        {
            return null;
        }

        var (module, file, className) = (match.Groups[1].Value, match.Groups[2].Value, match.Groups[3].Value);
        var js = Path.Combine(root, module, file + ".js");
        if (!File.Exists(js) || !File.ReadAllText(js).Contains($"__pulumiType = '{token}'", StringComparison.Ordinal))
        {
            return null;
        }

        return Members(File.ReadAllText(Path.Combine(root, module, file + ".d.ts")), $"export interface {className}Args {{", "    ");
    }

    /// <summary>Members of <c>inputs.{module}.{name}</c>.</summary>
    public Dictionary<string, string>? InputType(string module, string name)
    {
        var text = inputs.Value;
        var start = text.IndexOf($"export declare namespace {module} {{", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var from = text.IndexOf($"\n    interface {name} {{", start, StringComparison.Ordinal);
        return from < 0 ? null : Members(text[from..], $"interface {name} {{", "        ");
    }

    /// <summary>The <c>inputs.module.Type</c> a property's type text names, if any.</summary>
    public static (string Module, string Name)? NestedType(string typeText)
    {
        var match = InputRef().Match(typeText);
        return match.Success ? (match.Groups[1].Value, match.Groups[2].Value) : null;
    }

    private static Dictionary<string, string> Members(string text, string header, string indent)
    {
        var start = text.IndexOf(header, StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException($"'{header}' not found");
        }

        var end = text.IndexOf("\n" + indent[..^4] + "}", start, StringComparison.Ordinal);
        var body = text[start..end];
        var members = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in Regex.Matches(body, "\n" + indent + @"(?:readonly )?([A-Za-z0-9_]+)\??: ([^\n]*)"))
        {
            members[m.Groups[1].Value] = m.Groups[2].Value;
        }

        return members;
    }

    [GeneratedRegex(@"^aws:([a-z0-9]+)/([A-Za-z0-9]+):([A-Za-z0-9]+)$")]
    private static partial Regex Token();

    [GeneratedRegex(@"inputs\.([a-z0-9]+)\.([A-Za-z0-9]+)")]
    private static partial Regex InputRef();

    [GeneratedRegex("\"version\"\\s*:\\s*\"([^\"]+)\"")]
    private static partial Regex PackageVersion();
}
