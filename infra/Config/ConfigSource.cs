using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FargateNetwork.Infra;

/// <summary>
/// Raw stack config (full key → string, structured values as JSON text, as Pulumi passes them in
/// <c>PULUMI_CONFIG</c>) and the problems found so far. Readers call <see cref="Try{T}"/> around each field, so one
/// run reports every independent problem. Helpers throw <see cref="ConfigError"/> for the field at hand; values are
/// never quoted in those messages, since any of them may be a decrypted secret.
/// </summary>
internal sealed class ConfigSource(IReadOnlyDictionary<string, string?> raw, string? file)
{
    private readonly List<ConfigProblem> problems = [];
    private readonly List<string> warnings = [];

    public IReadOnlyDictionary<string, string?> Raw => raw;

    public IReadOnlyList<ConfigProblem> Problems => problems;

    public string? File => file;

    /// <summary>Things that compile but would cost money without working (placeholders), or may fail on a default quota.</summary>
    public IReadOnlyList<string> Warnings => warnings;

    public void Warn(string key, string text) => warnings.Add($"warning: config {key}{(file is null ? "" : " in " + file)}: {text}");

    /// <summary>Runs one field's reader; on a <see cref="ConfigError"/> records it and returns <paramref name="fallback"/>.</summary>
    public T Try<T>(Func<T> read, T fallback)
    {
        try
        {
            return read();
        }
        catch (ConfigError e)
        {
            problems.AddRange(e.Problems);
            return fallback;
        }
    }

    public void Report(string key, string problem, string fix, string? shown = null) => problems.Add(new ConfigProblem(key, problem, fix, file, shown));

    public ConfigError Error(string key, string problem, string fix, string? shown = null) => new(key, problem, fix, file, shown);

    public static string Full(string name) => ConfigReader.Namespace + ":" + name;

    public string? Text(string key) => raw.TryGetValue(key, out var value) && value is not null && value != "null" ? value : null;

    /// <summary>The JSON value of a structured key (JSON text inside the string, as Pulumi passes it). A key given twice in one map is an error.</summary>
    public JsonNode? Json(string key)
    {
        var text = Text(key);
        if (text is null)
        {
            return null;
        }

        try
        {
            // JsonObject reads lazily and would throw on a duplicate key later, outside any handler: check first.
            using (var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 32 }))
            {
                CheckDuplicates(key, document.RootElement);
            }

            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            throw Error(key, "is not valid structured config (expected a YAML/JSON list or map, at most 32 levels deep)", $"set it with `pulumi config set --path` or write it as a YAML map/list under {key} in the stack file");
        }
    }

    public JsonObject Object(string key, JsonNode node, string[] fields)
    {
        if (node is not JsonObject obj)
        {
            throw Error(key, "must be a map", $"use a map with the fields {string.Join(", ", fields)}");
        }

        var unknown = obj.Select(p => p.Key).Where(name => !fields.Contains(name)).ToList();
        if (unknown.Count > 0)
        {
            throw new ConfigError(unknown.Select(name =>
                new ConfigProblem(key + "." + name, "is not a known field", KeySuggestion.Fix(name, fields), file)).ToList());
        }

        return obj;
    }

    public List<string> StringList(string key, JsonNode node)
    {
        if (node is not JsonArray array)
        {
            throw Error(key, "must be a list", "write a list, e.g. [\"a\", \"b\"]");
        }

        return array.Select(item => item is null ? throw Error(key, "has an empty entry", "remove it") : Scalar(key, item)).ToList();
    }

    public string Scalar(string key, JsonNode node) =>
        node is JsonValue value && value.GetValueKind() is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False
            ? value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString()
            : throw Error(key, "must be a single value", "write a string or number");

    public int Int(string key, JsonNode node)
    {
        var text = Scalar(key, node);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw Error(key, "is not a whole number", "write a number such as 512");
    }

    public bool Bool(string key, JsonNode node) => Scalar(key, node) switch
    {
        "true" => true,
        "false" => false,
        _ => throw Error(key, "is not a boolean", "write true or false"),
    };

    /// <summary>Parses a CIDR; a parsed block cannot hide a secret, so later messages may quote it.</summary>
    public Ipv4Cidr Cidr(string key, string text) =>
        Ipv4Cidr.TryParseStrict(text, out var cidr, out var problem)
            ? cidr
            : throw Error(key, problem.StartsWith("has host bits", StringComparison.Ordinal) ? problem : "is not an IPv4 CIDR block (a.b.c.d/n, each number 0-255 without leading zeros, n 0-32)", "write an IPv4 CIDR block such as 10.0.0.0/16");

    private void CheckDuplicates(string path, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    if (!seen.Add(property.Name))
                    {
                        throw Error(path + "." + property.Name, "is given twice in the same map", "keep one of the two entries");
                    }

                    CheckDuplicates(path + "." + property.Name, property.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    CheckDuplicates(path, item);
                }

                break;
        }
    }
}
