using System.Text.Encodings.Web;
using System.Text.Json;

namespace StackRules.Reports;

/// <summary>
/// The json format: <c>{"violations":[{policy, enforcementLevel, urn, type, name, message, file}], ...}</c>, all inputs
/// together, then the pack's own properties; <c>file</c> names the input each entry comes from.
/// </summary>
public static class JsonReport
{
    /// <summary>Indented, with non-ASCII text kept readable.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the JSON report of <paramref name="checks"/>.</summary>
    public static void Write(Stream output, IReadOnlyList<StackCheck> checks, PackReport? report = null, ReportOptions? options = null)
    {
        using var json = new Utf8JsonWriter(output, WriterOptions);
        json.WriteStartObject();
        json.WriteStartArray("violations");
        foreach (var check in checks)
        {
            foreach (var v in check.Violations)
            {
                json.WriteStartObject();
                json.WriteString("policy", v.Policy);
                json.WriteString("enforcementLevel", v.Level.Text());
                json.WriteString("urn", v.Urn);
                json.WriteString("type", v.Type);
                json.WriteString("name", v.Name);
                json.WriteString("message", v.Message);
                json.WriteString("file", check.File);
                json.WriteEndObject();
            }
        }

        json.WriteEndArray();
        report?.WriteJson(json, checks, options ?? ReportOptions.None);
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }
}
