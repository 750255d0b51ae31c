using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FargateNetwork.Infra;

/// <summary>
/// Reads <c>fargate-network:tags</c>. Tag values never enter the template as text: each becomes a reference to the
/// stack's config (<c>${tags["team"]}</c>), so a value the user set with <c>--secret</c> stays secret in Pulumi's
/// state. The keys and values are checked against AWS's tag rules (at most 50 user tags per resource, keys 1-128 and
/// values 0-256 characters, letters, digits, spaces and <c>+ - = . _ : / @</c>, no <c>aws:</c> prefix:
/// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Tag.html); values are never quoted in errors.
/// </summary>
internal static partial class TagReader
{
    /// <summary>AWS's per-resource limit of user tags; the template adds <c>Name</c> to every resource.</summary>
    public const int MaxUserTags = 50;

    public static List<ConfigTag>? Read(ConfigSource source, string configRoot)
    {
        var key = ConfigSource.Full("tags");
        var node = source.Try(() => source.Json(key), null);
        if (node is null)
        {
            return source.Text(key) is null ? [] : null;
        }

        if (node is not JsonObject obj)
        {
            source.Report(key, "must be a map of tag names to values", "use {\"team\": \"platform\"}");
            return null;
        }

        if (obj.Count > MaxUserTags - 1)
        {
            source.Report(key, $"has {obj.Count} tags; AWS allows {MaxUserTags} per resource and the template adds Name", $"keep at most {MaxUserTags - 1} tags");
            return null;
        }

        var tags = new List<ConfigTag>();
        var ok = true;
        foreach (var (name, value) in obj)
        {
            ok &= source.Try(
                () =>
                {
                    tags.Add(Tag(source, key, name, value, configRoot));
                    return true;
                },
                false);
        }

        return ok ? [.. tags.OrderBy(t => t.Key, StringComparer.Ordinal)] : null;
    }

    private static ConfigTag Tag(ConfigSource source, string key, string name, JsonNode? value, string configRoot)
    {
        if (name == "Name")
        {
            throw source.Error(key + ".Name", "is set by the template for every resource", "remove the Name tag");
        }

        if (name.Length is 0 or > 128 || !TagText().IsMatch(name) || name.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
        {
            throw source.Error(key, "has a tag key AWS does not accept (1-128 letters, digits, spaces and + - = . _ : / @, not starting with aws:)", "rename the tag");
        }

        var kind = value?.GetValueKind();
        if (kind is not (null or JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null))
        {
            throw source.Error(key + "." + name, "must be a single value", "write a string");
        }

        var text = value is null || kind == JsonValueKind.Null ? "" : source.Scalar(key + "." + name, value);
        // A secure: value in --stack mode is a placeholder (only Pulumi can decrypt it): nothing to check here.
        if (text != StackFile.SecurePlaceholder && (text.Length > 256 || (text.Length > 0 && !TagText().IsMatch(text)) || text.StartsWith("aws:", StringComparison.OrdinalIgnoreCase)))
        {
            throw source.Error(key + "." + name, "is not a tag value AWS accepts (0-256 letters, digits, spaces and + - = . _ : / @, not starting with aws:)", "shorten or change the value");
        }

        return new ConfigTag(name, configRoot, text.Length == 0 ? ConfigTagValue.Empty : kind == JsonValueKind.String ? ConfigTagValue.Text : ConfigTagValue.Scalar);
    }

    [GeneratedRegex(@"\A[\p{L}\p{N}\p{Zs}+\-=._:/@]+\z")]
    private static partial Regex TagText();
}
