using FargateNetwork.Policies.Cost;
using FargateNetwork.Policies.Pack;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FargateNetwork.Policies.Tests.Cost;

/// <summary>The design comparison: the stack cost model's bills of designs (a) to (d), and the crossover between them.</summary>
public class DesignComparisonTests
{
    private static readonly string[] Regions = ["us-east-1", "us-east-2", "ap-northeast-1", "ap-southeast-1", "sa-east-1", "eu-west-1"];

    /// <summary>Scenarios over the listed Regions and one without a table, 1-6 AZs, 0-20 tasks, and the workload's range.</summary>
    public static Arbitrary<DesignScenario> Scenarios() =>
        (from region in Gen.Elements(Regions)
         from azs in Gen.Choose(1, DesignScenario.MaxAvailabilityZones)
         from tasks in Gen.Choose(0, 20)
         from pulls in Gen.Choose(0, 5000)
         from tenthsOfGb in Gen.Choose(1, 50)
         from partner in Gen.Choose(0, 2000)
         select new DesignScenario(region, azs, tasks, new Workload(pulls, tenthsOfGb / 10.0, partner, tasks))).ToArbitrary();

    [Property(MaxTest = 30, Arbitrary = [typeof(DesignComparisonTests)])]
    public void EveryTotalIsTheSumOfItsLinesAndEveryLineIsQuantityTimesUnitPrice(DesignScenario scenario)
    {
        var comparison = DesignComparison.Compare(scenario);
        Assert.Equal(NetworkDesigns.All, comparison.Designs.Select(d => d.Design));
        Assert.All(comparison.Designs, design =>
        {
            Assert.Equal(design.Cost.Lines.Sum(l => l.MonthlyUsd), design.TotalUsd);
            Assert.All(design.Cost.Lines, l => Assert.Equal(Math.Round((decimal)(l.Quantity * l.UnitUsd), 2, MidpointRounding.AwayFromZero), l.MonthlyUsd));
        });
    }

    [Property(MaxTest = 30, Arbitrary = [typeof(DesignComparisonTests)])]
    public void EndpointsWithoutANatNeverCostMoreThanWithOne(DesignScenario scenario)
    {
        var comparison = DesignComparison.Compare(scenario);
        Assert.True(comparison[NetworkDesign.PrivateEndpointsNoNat].TotalUsd <= comparison[NetworkDesign.PrivateEndpointsPartnerNat].TotalUsd);
    }

    [Property(MaxTest = 20, Arbitrary = [typeof(DesignComparisonTests)])]
    public void AsPullsGrowTheNatForEverythingGrowsFasterThanEndpoints(DesignScenario scenario)
    {
        var model = new DesignComparison(scenario);
        decimal Growth(NetworkDesign design) =>
            DesignComparison.ExactUsd(model.Bill(design, scenario.Workload.PullsPerDay + 100)) - DesignComparison.ExactUsd(model.Bill(design, scenario.Workload.PullsPerDay));
        Assert.True(Growth(NetworkDesign.PrivateNatForEverything) > Growth(NetworkDesign.PrivateEndpointsPartnerNat));
        Assert.Equal(0, Growth(NetworkDesign.PrivateEndpointsPartnerNat)); // image layers take the free S3 gateway endpoint
    }

    [Property(MaxTest = 20, Arbitrary = [typeof(DesignComparisonTests)])]
    public void TheCrossoverIsWhereTheCurvesCross(DesignScenario scenario)
    {
        var model = new DesignComparison(scenario);
        var crossover = Assert.Single(model.Compare().Crossovers, c => c.EndpointDesign == NetworkDesign.PrivateEndpointsPartnerNat);
        decimal Difference(double pulls) =>
            DesignComparison.ExactUsd(model.Bill(NetworkDesign.PrivateEndpointsPartnerNat, pulls)) - DesignComparison.ExactUsd(model.Bill(NetworkDesign.PrivateNatForEverything, pulls));

        // Endpoints cost more below the crossover, the same at it, less above it.
        var first = crossover.FirstCheaperPullsPerDay;
        Assert.True(first >= 1);
        Assert.True(Difference(first - 1) >= 0, $"at {first - 1} pulls/day");
        Assert.True(Difference(first) < 0, $"at {first} pulls/day");
        Assert.True(Difference(first + 1) < 0, $"at {first + 1} pulls/day");
        Assert.Equal(0, (double)Difference(crossover.PullsPerDay), 6);
    }

    [Fact]
    public void TheDefaultWorkloadCrossesAt76PullsPerDay()
    {
        // us-east-1, 3 AZs: (c) adds 3 endpoints x 3 AZs x 730 h x $0.01 = $65.70; (a) pays $0.045 NAT + 2/3 x 2 x $0.01
        // cross-AZ per GB of 15 GB a month per pull a day = $0.875: equal at 75.09 pulls/day.
        var crossover = Assert.Single(DesignComparison.Compare(DesignScenario.Default).Crossovers, c => c.EndpointDesign == NetworkDesign.PrivateEndpointsPartnerNat);
        Assert.Equal(75.086, crossover.PullsPerDay, 3);
        Assert.Equal(76, crossover.FirstCheaperPullsPerDay);
    }

    [Theory]
    [InlineData(NetworkDesign.PrivateNatForEverything)]
    [InlineData(NetworkDesign.PublicTasksPartnerNat)]
    [InlineData(NetworkDesign.PrivateEndpointsPartnerNat)]
    [InlineData(NetworkDesign.PrivateEndpointsNoNat)]
    public void EachBillIsTheStackBillOfTheDesignsTemplateAndTheTemplatePassesThePack(NetworkDesign design)
    {
        var scenario = DesignScenario.Default;
        var resources = DesignTemplate.Resources(design, scenario);
        var stackBill = CostModel.Estimate(resources, scenario.Workload);
        Assert.Equal(stackBill.Lines, DesignComparison.Compare(scenario)[design].Cost.Lines);
        Assert.DoesNotContain(FargatePack.Create(null).Evaluate(resources).Violations, v => v.Level == EnforcementLevel.Mandatory);
    }

    [Fact]
    public void OnlyTheNoNatDesignCannotReachThePartner()
    {
        var comparison = DesignComparison.Compare(DesignScenario.Default);
        Assert.Contains("No path to the partner", Assert.Single(comparison[NetworkDesign.PrivateEndpointsNoNat].Notes), StringComparison.Ordinal);
        foreach (var design in new[] { NetworkDesign.PrivateNatForEverything, NetworkDesign.PublicTasksPartnerNat, NetworkDesign.PrivateEndpointsPartnerNat })
        {
            Assert.Contains(comparison[design].Cost.Lines, l => l.Item == PriceItem.DataTransferOutGb && l.Quantity == 10);
        }
    }

    [Fact]
    public void PriceOverridesReachEveryDesign()
    {
        var overrides = PriceOverrides.Parse("p.json", """{ "natGatewayGb": 0.1, "interfaceEndpointHour": 0.02 }""");
        var comparison = DesignComparison.Compare(DesignScenario.Default, overrides);
        var layers = Assert.Single(comparison[NetworkDesign.PrivateNatForEverything].Cost.Lines, l => l.Charge == "NAT data processing: image layers");
        Assert.Equal((0.1, "--prices p.json"), (layers.UnitUsd, layers.Source));
        Assert.All(comparison[NetworkDesign.PrivateEndpointsNoNat].Cost.Lines, l => Assert.Equal(0.02, l.UnitUsd));
    }

    [Fact]
    public void ARegionWithoutATableSaysSo()
    {
        var comparison = DesignComparison.Compare(DesignScenario.Default with { Region = "eu-west-1" });
        Assert.False(comparison.Prices.Listed);
        Assert.Contains(comparison.Designs[0].Cost.Notes, n => n.StartsWith("No price table for eu-west-1", StringComparison.Ordinal));
    }
}
