using System.Globalization;
using System.Text.Json;
using FsCheck.Xunit;
using FargateNetwork.Policies.Tests.Check;

namespace FargateNetwork.Policies.Tests.Cost;

/// <summary>The monthly cost lines of the repository's stacks and of the fixtures, through the json format.</summary>
public class CostModelTests
{
    private static readonly Lazy<string> Prod = new(() => DotnetProcess.CompileStack("prod"));
    private static readonly Lazy<string> Dev = new(() => DotnetProcess.CompileStack("dev"));

    private static JsonElement CostOf(string? stdin, params string[] args)
    {
        var run = CheckRun.InProcess(stdin, ["--format", "json", .. args, stdin is null ? CheckRun.Fixture("nat-pulls.yaml") : "-"]);
        Assert.True(run.Exit is 0 or 1, run.Stderr);
        return Assert.Single(run.Json().GetProperty("costs").EnumerateArray());
    }

    private static List<(string Name, string Charge, double Quantity, double Unit, decimal Usd, string Source)> Lines(JsonElement cost) =>
        cost.GetProperty("lines").EnumerateArray()
            .Select(l => (l.GetProperty("name").GetString()!, l.GetProperty("charge").GetString()!, l.GetProperty("quantity").GetDouble(), l.GetProperty("unitPriceUsd").GetDouble(), l.GetProperty("monthlyUsd").GetDecimal(), l.GetProperty("source").GetString()!))
            .ToList();

    [Fact]
    public void ProdBillsEveryNatEipAndEndpointAzHour()
    {
        var cost = CostOf(Prod.Value);
        var lines = Lines(cost);
        Assert.Equal("ap-northeast-1", cost.GetProperty("region").GetString());
        Assert.Equal(3, lines.Count(l => l.Charge == "NAT gateway hours" && l.Quantity == 730 && l.Unit == 0.062));
        Assert.Equal(3, lines.Count(l => l.Charge.StartsWith("Elastic IP address hours (NAT gateway nat-gateway-", StringComparison.Ordinal)));
        var endpointHours = lines.Where(l => l.Charge == "interface endpoint hours in 3 AZ(s)").ToList();
        Assert.Equal(["endpoint-ecr-api", "endpoint-ecr-dkr", "endpoint-logs", "endpoint-secretsmanager"], endpointHours.Select(l => l.Name).Order(StringComparer.Ordinal));
        Assert.Equal(122.64m, endpointHours.Sum(l => l.Usd)); // the "about $123 a month": 4 endpoints x 3 AZs x 730 h x $0.014
        Assert.Contains(lines, l => l.Name == "nlb" && l.Charge == "Network Load Balancer hours");
        Assert.DoesNotContain(lines, l => l.Charge.Contains("image layers", StringComparison.Ordinal)); // the S3 gateway endpoint is free
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void EveryLineNamesAResourceOfTheStackAndItsPriceAndTheTotalIsTheirSum(string stack)
    {
        var template = stack == "dev" ? Dev.Value : Prod.Value;
        var cost = CostOf(template);
        var lines = Lines(cost);
        Assert.NotEmpty(lines);
        Assert.All(lines, l =>
        {
            Assert.Contains($"\"{l.Name}\":", template, StringComparison.Ordinal);
            Assert.True(l.Unit > 0);
            Assert.NotEmpty(l.Source);
            Assert.Equal(Math.Round((decimal)(l.Quantity * l.Unit), 2, MidpointRounding.AwayFromZero), l.Usd, 2);
        });
        Assert.Equal(lines.Sum(l => l.Usd), cost.GetProperty("totalUsd").GetDecimal());
    }

    [Fact]
    public void DevBillsTheTaskPublicIpAndCrossAzTransferToTheOneNat()
    {
        var lines = Lines(CostOf(Dev.Value, "--partner-gb", "100", "--tasks", "4"));
        Assert.Contains(lines, l => l.Charge == "task public IPv4 addresses (4 task(s))" && l.Quantity == 4 * 730);

        // Two task subnets share 100 GB; the one in ap-northeast-1c reaches the NAT in ap-northeast-1a: 50 GB, both ways.
        var crossAz = Assert.Single(lines, l => l.Charge.StartsWith("cross-AZ transfer", StringComparison.Ordinal));
        Assert.Equal(100, crossAz.Quantity, 6);
        Assert.Equal(100, Assert.Single(lines, l => l.Charge == "NAT data processing: traffic to 203.0.113.0/24").Quantity, 6);
        Assert.Equal(100, Assert.Single(lines, l => l.Charge == "data transfer out to the internet: traffic to 203.0.113.0/24").Quantity, 6);
    }

    [Property(MaxTest = 25)]
    public bool ImageLayersThroughANatScaleWithPullsAndSize(ushort pullsRaw, byte sizeRaw)
    {
        var pulls = (pullsRaw % 5000) + 1;
        var size = (sizeRaw % 50 / 10.0) + 0.1;
        var lines = Lines(CostOf(null, "--pulls-per-day", pulls.ToString(CultureInfo.InvariantCulture), "--image-gib", size.ToString(CultureInfo.InvariantCulture)));
        var layers = lines.Single(l => l.Charge == "NAT data processing: image layers");
        return Math.Abs(layers.Quantity - (pulls * size * 30)) < 0.01 && layers.Unit == 0.045;
    }

    [Fact]
    public void APriceFileOverridesAndIsCited()
    {
        var file = Path.Combine(Path.GetTempPath(), $"prices-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """{ "natGatewayHour": 1 }""");
        try
        {
            var nat = Lines(CostOf(null, "--prices", file)).Single(l => l.Charge == "NAT gateway hours");
            Assert.Equal(730m, nat.Usd);
            Assert.Equal($"--prices {file}", nat.Source);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void AMissingPriceFileIsOneLineAndExit2()
    {
        var run = CheckRun.Of("--prices", "/nonexistent/prices.json", CheckRun.Fixture("nat-pulls.yaml"));
        Assert.Equal(2, run.Exit);
        Assert.Equal("/nonexistent/prices.json: cannot read the price file: no such file", run.Stderr.Trim());
    }
}
