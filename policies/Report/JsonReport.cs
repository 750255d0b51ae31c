using System.Text.Encodings.Web;
using System.Text.Json;

namespace FargateNetwork.Policies.Report;

/// <summary>
/// The json format: <c>{"violations":[{policy, enforcementLevel, urn, type, name, message, file}],
/// "reachability":[{subnet, subnetName, availabilityZone, destination, path, via, detail, needed, monthlyCostUsd, file}],
/// "costs":[{file, region, regionListed, workload, lines:[...], totalUsd, notes}]}</c>, all inputs together; <c>file</c>
/// names the input each entry comes from. A row's <c>monthlyCostUsd</c> is its path's cost (null when there is no path).
/// </summary>
public static class JsonReport
{
    public static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Stream output, IReadOnlyList<StackCheck> checks)
    {
        using var json = new Utf8JsonWriter(output, WriterOptions);
        json.WriteStartObject();
        json.WriteStartArray("violations");
        foreach (var check in checks)
        {
            foreach (var v in check.Evaluation.Violations)
            {
                json.WriteStartObject();
                json.WriteString("policy", v.Policy);
                json.WriteString("enforcementLevel", TextReport.Level(v.Level));
                json.WriteString("urn", v.Urn);
                json.WriteString("type", v.Type);
                json.WriteString("name", v.Name);
                json.WriteString("message", v.Message);
                json.WriteString("file", check.File);
                json.WriteEndObject();
            }
        }

        json.WriteEndArray();
        json.WriteStartArray("reachability");
        foreach (var check in checks)
        {
            foreach (var r in check.Evaluation.Reachability)
            {
                json.WriteStartObject();
                json.WriteString("subnet", r.Subnet);
                json.WriteString("subnetName", r.SubnetName);
                json.WriteString("availabilityZone", r.AvailabilityZone);
                json.WriteString("destination", r.Destination);
                json.WriteString("path", r.Path);
                json.WriteString("via", r.Via);
                json.WriteString("detail", r.Detail);
                if (check.Network is { } network)
                {
                    json.WriteBoolean("needed", network.IsNeeded(r));
                }

                if ((check.Network is { } n ? n.PathCost(r) : r.MonthlyCostUsd) is { } cost)
                {
                    json.WriteNumber("monthlyCostUsd", cost);
                }
                else
                {
                    json.WriteNull("monthlyCostUsd");
                }

                json.WriteString("file", check.File);
                json.WriteEndObject();
            }
        }

        json.WriteEndArray();
        CostJson.Write(json, checks);
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }
}
