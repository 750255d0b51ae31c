using System.Text.Json;
using FargateNetwork.Policies.Cost;
using FargateNetwork.Policies.Pack;
using StackRules.Reports;

namespace FargateNetwork.Policies.Report;

/// <summary>The <c>costs</c> array of the json format, and the cost properties of the sarif run.</summary>
public static class CostJson
{
    public static void Write(Utf8JsonWriter json, IReadOnlyList<StackCheck> checks)
    {
        json.WriteStartArray("costs");
        foreach (var check in checks)
        {
            if (check.Data is NetworkReportData { Network.Cost: var cost })
            {
                WriteStack(json, cost, check.File, lines: true);
            }
        }

        json.WriteEndArray();
    }

    public static void WriteStack(Utf8JsonWriter json, StackCost cost, string file, bool lines)
    {
        json.WriteStartObject();
        json.WriteString("file", file);
        json.WriteString("region", cost.Region);
        json.WriteBoolean("regionListed", cost.RegionListed);
        json.WriteNumber("totalUsd", cost.TotalUsd);
        json.WriteStartObject("workload");
        json.WriteNumber("pullsPerDay", cost.Workload.PullsPerDay);
        json.WriteNumber("imageGiB", cost.Workload.ImageGiB);
        json.WriteNumber("partnerGbPerMonth", cost.Workload.PartnerGbPerMonth);
        if (cost.Workload.TasksRunning is { } tasks)
        {
            json.WriteNumber("tasksRunning", tasks);
        }

        json.WriteNumber("servedGbPerMonth", cost.Workload.ServedGbPerMonth);
        json.WriteEndObject();
        if (lines)
        {
            Lines(json, cost.Lines, withResource: true);
            json.WriteStartArray("notes");
            foreach (var note in cost.Notes)
            {
                json.WriteStringValue(note);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    /// <summary>The <c>lines</c> array: each cost line with its resource, charge, price key, quantity, unit price and source.</summary>
    public static void Lines(Utf8JsonWriter json, IEnumerable<CostLine> lines, bool withResource)
    {
        json.WriteStartArray("lines");
        foreach (var line in lines)
        {
            json.WriteStartObject();
            if (withResource)
            {
                json.WriteString("resource", line.Resource);
                json.WriteString("name", line.Name);
            }
            else
            {
                json.WriteString("resource", line.Name);
            }

            json.WriteString("charge", line.Charge);
            json.WriteString("priceKey", PriceItems.Key(line.Item));
            json.WriteNumber("quantity", Math.Round(line.Quantity, 4));
            json.WriteString("unit", line.Unit);
            json.WriteNumber("unitPriceUsd", line.UnitUsd);
            json.WriteNumber("monthlyUsd", line.MonthlyUsd);
            json.WriteString("source", line.Source);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
