using System.Globalization;
using System.Text.Json;
using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Cost;
using FargateNetwork.Policies.Pack;
using StackRules.Reports;

namespace FargateNetwork.Policies.Report;

/// <summary>What the network report holds for one input: the reachability rows and the network with its cost.</summary>
public sealed record NetworkReportData(IReadOnlyList<ReachabilityRow> Rows, StackNetwork Network);

/// <summary>
/// The Fargate pack's part of every report: with <c>--report</c> the reachability of each task subnet and the cost
/// table (text), the monthly total (text), the Mermaid diagram of each VPC, the reachability and the cost
/// (Markdown), the <c>reachability</c> and <c>costs</c> arrays (JSON, and SARIF's run properties).
/// </summary>
public sealed class NetworkReport : PackReport
{
    public const string ReportOption = "--report";
    public const string AllDestinationsOption = "--all-destinations";
    public const string PricesOption = "--prices";

    public override IReadOnlyList<ReportOption> Options { get; } =
    [
        new(ReportOption, null, "print the reachability table per task subnet and the cost table (text format)"),
        new(AllDestinationsOption, null, "also list the destinations the tasks do not need (folded by default)"),
        new(PricesOption, "FILE", "unit prices (JSON) overriding the Region's"),
        new("--pulls-per-day", "N", "image pulls per day per service (cost lines)"),
        new("--image-gib", "N", "compressed image size in GiB"),
        new("--partner-gb", "N", "GB per month to the fixed-egress partner"),
        new("--served-gb", "N", "GB per month served to clients"),
        new("--tasks", "N", "tasks running (public IPv4 addresses)"),
    ];

    public override string MarkdownTitle => "Network report";

    public override void Validate(ReportOptions options)
    {
        _ = WorkloadOf(options);

        // A price file that cannot be read is one line naming it (InputException), before any input is read.
        if (options.Value(PricesOption) is { } file)
        {
            _ = PriceOverrides.Load(file);
        }
    }

    public override object? Build(PackEvaluation evaluation, ReportOptions options)
    {
        var prices = options.Value(PricesOption) is { } file ? LoadPrices(file) : null;
        var network = StackNetwork.Build(evaluation.Use(FargateNetworkExtension.Network), WorkloadOf(options), prices);
        return new NetworkReportData(FargatePack.Rows(evaluation), network);
    }

    public override void WriteText(TextWriter output, StackCheck check, ReportOptions options)
    {
        if (check.Data is not NetworkReportData data)
        {
            return;
        }

        if (options.Has(ReportOption))
        {
            ReachabilityTable.Write(output, data.Rows, data.Network, options.Has(AllDestinationsOption));
            CostTable.Write(output, data.Network.Cost);
        }

        output.WriteLine(CostTable.TotalLine(data.Network.Cost, check.File));
    }

    public override void WriteMarkdownHead(TextWriter output, StackCheck check, ReportOptions options)
    {
        if (check.Data is not NetworkReportData data)
        {
            return;
        }

        foreach (var vpc in data.Network.Model.Vpcs)
        {
            output.WriteLine($"### VPC {MarkdownReport.Cell(vpc.Resource.Name)}");
            output.WriteLine();
            output.WriteLine("```mermaid");
            output.Write(MermaidDiagram.Of(vpc, data.Network, data.Rows));
            output.WriteLine("```");
            output.WriteLine();
        }
    }

    public override void WriteMarkdown(TextWriter output, StackCheck check, ReportOptions options)
    {
        if (check.Data is not NetworkReportData data)
        {
            return;
        }

        NetworkMarkdown.Reachability(output, data, options.Has(AllDestinationsOption));
        NetworkMarkdown.Costs(output, data.Network);
    }

    public override void WriteJson(Utf8JsonWriter json, IReadOnlyList<StackCheck> checks, ReportOptions options)
    {
        json.WriteStartArray("reachability");
        foreach (var check in checks)
        {
            if (check.Data is not NetworkReportData data)
            {
                continue;
            }

            foreach (var r in data.Rows)
            {
                json.WriteStartObject();
                json.WriteString("subnet", r.Subnet);
                json.WriteString("subnetName", r.SubnetName);
                json.WriteString("availabilityZone", r.AvailabilityZone);
                json.WriteString("destination", r.Destination);
                json.WriteString("path", r.Path);
                json.WriteString("via", r.Via);
                json.WriteString("detail", r.Detail);
                json.WriteBoolean("needed", data.Network.IsNeeded(r));
                if (data.Network.PathCost(r) is { } cost)
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
    }

    /// <summary>The workload the cost lines assume, from the options; throws <see cref="ReportOptionException"/>.</summary>
    public static Workload WorkloadOf(ReportOptions options)
    {
        var workload = Workload.Default;
        if (options.Value("--pulls-per-day") is { } pulls)
        {
            workload = workload with { PullsPerDay = Amount(pulls, "--pulls-per-day") };
        }

        if (options.Value("--image-gib") is { } image)
        {
            workload = workload with { ImageGiB = Amount(image, "--image-gib") };
        }

        if (options.Value("--partner-gb") is { } partner)
        {
            workload = workload with { PartnerGbPerMonth = Amount(partner, "--partner-gb") };
        }

        if (options.Value("--served-gb") is { } served)
        {
            workload = workload with { ServedGbPerMonth = Amount(served, "--served-gb") };
        }

        if (options.Value("--tasks") is { } text)
        {
            var tasks = Amount(text, "--tasks");
            workload = workload with
            {
                TasksRunning = tasks == Math.Floor(tasks) && tasks <= 100000 ? (int)tasks : throw new ReportOptionException($"--tasks {tasks}: expected a whole number of tasks"),
            };
        }

        return workload;
    }

    private static PriceOverrides LoadPrices(string file)
    {
        try
        {
            return PriceOverrides.Load(file);
        }
        catch (StackRules.Inputs.InputException e)
        {
            throw new ReportOptionException(e.Message);
        }
    }

    private static double Amount(string text, string name) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 && double.IsFinite(value)
            ? value
            : throw new ReportOptionException($"{name} {text}: expected a number, 0 or more");
}
