using System.Text.Json;

namespace StackRules.Reports;

/// <summary>
/// The sarif format: one SARIF 2.1.0 run (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html) whose
/// rules are the pack's policies and whose results are the violations of all inputs. A result's logical location
/// is the resource (URN); its physical location is the input file relative to its git work tree's root, with the
/// line and column of the resource's key when the input is a template.
/// </summary>
public static class SarifReport
{
    /// <summary>The SARIF 2.1.0 schema.</summary>
    public const string Schema = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>Where a pack's rules are described: Pulumi's policy-as-code documentation.</summary>
    public const string InformationUri = "https://www.pulumi.com/docs/iac/using-pulumi/crossguard/";

    /// <summary>Writes one SARIF run for <paramref name="pack"/> over <paramref name="checks"/>.</summary>
    public static void Write(Stream output, IReadOnlyList<StackCheck> checks, PolicyPack pack, ReportOptions? options = null)
    {
        var policies = pack.Policies;
        var index = policies.Select((p, i) => (p.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        using var json = new Utf8JsonWriter(output, JsonReport.WriterOptions);
        json.WriteStartObject();
        json.WriteString("$schema", Schema);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", pack.Name);
        json.WriteString("version", pack.Version);
        json.WriteString("informationUri", InformationUri);
        json.WriteStartArray("rules");
        foreach (var policy in policies)
        {
            json.WriteStartObject();
            json.WriteString("id", policy.Name);
            json.WriteString("name", policy.DisplayName ?? policy.Name);
            json.WriteStartObject("shortDescription");
            json.WriteString("text", policy.DisplayName ?? policy.Name);
            json.WriteEndObject();
            json.WriteStartObject("fullDescription");
            json.WriteString("text", policy.Description);
            json.WriteEndObject();
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(policy.EnforcementLevel));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("results");
        foreach (var check in checks)
        {
            var positions = TemplatePositions.Read(check.File);
            var (uri, uriBase) = RepositoryUri(check.File);
            foreach (var v in check.Violations)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", v.Policy);
                json.WriteNumber("ruleIndex", index[v.Policy]);
                json.WriteString("level", Level(v.Level));
                json.WriteStartObject("message");
                json.WriteString("text", v.Message);
                json.WriteEndObject();
                json.WriteStartArray("locations");
                json.WriteStartObject();
                json.WriteStartObject("physicalLocation");
                json.WriteStartObject("artifactLocation");
                json.WriteString("uri", uri);
                if (uriBase is not null)
                {
                    json.WriteString("uriBaseId", uriBase);
                }

                json.WriteEndObject();
                if (positions.Of(v.Name) is var (line, column))
                {
                    // A template: the line and column of the resource's key, so code scanning can place the result.
                    json.WriteStartObject("region");
                    json.WriteNumber("startLine", line);
                    json.WriteNumber("startColumn", column);
                    json.WriteEndObject();
                }

                json.WriteEndObject();
                if (v.Urn.Length == 0)
                {
                    // A violation of the stack as a whole has a file but no resource.
                    json.WriteEndObject();
                    json.WriteEndArray();
                    json.WriteEndObject();
                    continue;
                }

                json.WriteStartArray("logicalLocations");
                json.WriteStartObject();
                json.WriteString("fullyQualifiedName", v.Urn);
                json.WriteString("name", v.Name);
                json.WriteString("kind", "resource");
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }
        }

        json.WriteEndArray();

        // The pack's own data (a cost, a table) in the run's property bag (SARIF §3.8).
        json.WriteStartObject("properties");
        pack.Report?.WriteJson(json, checks, options ?? ReportOptions.None);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }

    /// <summary>A level as SARIF's <c>level</c>: mandatory is an error, advisory a warning, remediate a note.</summary>
    public static string Level(EnforcementLevel level) => level switch
    {
        EnforcementLevel.Mandatory => "error",
        EnforcementLevel.Remediate => "note",
        EnforcementLevel.Advisory => "warning",
        _ => "none",
    };

    /// <summary>
    /// A file inside a git work tree: its path relative to the work tree's root with <c>%SRCROOT%</c> as the base
    /// (what GitHub code scanning resolves against the checkout); anything else as <see cref="ArtifactUri"/>.
    /// </summary>
    public static (string Uri, string? UriBaseId) RepositoryUri(string file)
    {
        if (file == "<stdin>")
        {
            return (ArtifactUri(file), null);
        }

        var full = Path.GetFullPath(file);
        for (var dir = Path.GetDirectoryName(full); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            var git = Path.Combine(dir, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return (ArtifactUri(Path.GetRelativePath(dir, full)), "%SRCROOT%");
            }
        }

        return (ArtifactUri(file), null);
    }

    /// <summary>A relative path stays relative (forward slashes, escaped); an absolute one becomes a file URI.</summary>
    public static string ArtifactUri(string file)
    {
        if (file == "<stdin>")
        {
            return "stdin";
        }

        if (Path.IsPathRooted(file))
        {
            return new Uri(Path.GetFullPath(file)).AbsoluteUri;
        }

        return string.Join('/', file.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));
    }
}
