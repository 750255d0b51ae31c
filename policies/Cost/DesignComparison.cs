using System.Globalization;
using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Model;

namespace FargateNetwork.Policies.Cost;

/// <summary>One design's monthly bill in the comparison, with what it leaves out.</summary>
/// <param name="Design">The design.</param>
/// <param name="Cost">Its bill: <see cref="CostModel"/>'s lines for the design's template.</param>
/// <param name="Notes">What the design cannot do or the bill does not count, beyond the cost model's own notes.</param>
public sealed record DesignCost(NetworkDesign Design, StackCost Cost, IReadOnlyList<string> Notes)
{
    /// <summary>The sum of the lines (each rounded to cents).</summary>
    public decimal TotalUsd => Cost.TotalUsd;
}

/// <summary>
/// Where a design with interface endpoints becomes cheaper than a NAT design as image pulls grow: both bills are
/// linear in pulls per day, so the curves cross once, at <see cref="PullsPerDay"/>.
/// </summary>
/// <param name="NatDesign">The design whose image pulls pass through the NAT gateway.</param>
/// <param name="EndpointDesign">The design with endpoints.</param>
/// <param name="PullsPerDay">Pulls per day at which both cost the same (0 when the endpoint design is never dearer).</param>
public sealed record Crossover(NetworkDesign NatDesign, NetworkDesign EndpointDesign, double PullsPerDay)
{
    /// <summary>The first whole number of pulls per day at which the endpoint design costs less (0: at any number).</summary>
    public int FirstCheaperPullsPerDay => PullsPerDay <= 0 ? 0 : (int)Math.Floor(PullsPerDay) + 1;

    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"({NetworkDesigns.Letter(EndpointDesign)}) is cheaper than ({NetworkDesigns.Letter(NatDesign)}) from {FirstCheaperPullsPerDay} pulls/day (the costs are equal at {PullsPerDay:0.##})");
}

/// <summary>The four designs priced for one scenario, and where endpoints overtake the NAT.</summary>
public sealed record Comparison(DesignScenario Scenario, IReadOnlyList<DesignCost> Designs, IReadOnlyList<Crossover> Crossovers)
{
    public DesignCost this[NetworkDesign design] => Designs.Single(d => d.Design == design);

    /// <summary>The unit prices used, with their sources (the same for every design).</summary>
    public Prices Prices => Designs[0].Cost.Prices;
}

/// <summary>
/// Issue 12's design comparison: the monthly cost of designs (a) to (d) for one workload, each the stack bill of the
/// design's template (<see cref="DesignTemplate"/>) as <see cref="CostModel"/> computes it for every stack, and the
/// pulls per day at which endpoints become cheaper than the NAT, solved from the model's own bills. Pure functions of
/// the scenario and the prices.
/// </summary>
public sealed class DesignComparison
{
    private readonly Dictionary<NetworkDesign, PolicyContext> contexts;
    private readonly PriceOverrides? overrides;

    public DesignComparison(DesignScenario scenario, PriceOverrides? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        Scenario = scenario;
        this.overrides = overrides;
        contexts = NetworkDesigns.All.ToDictionary(d => d, d => new PolicyContext(NetworkModel.Build(DesignTemplate.Resources(d, scenario))));
    }

    public DesignScenario Scenario { get; }

    public static Comparison Compare(DesignScenario scenario, PriceOverrides? overrides = null) => new DesignComparison(scenario, overrides).Compare();

    public Comparison Compare()
    {
        var designs = NetworkDesigns.All.Select(d => new DesignCost(d, Bill(d, Scenario.Workload.PullsPerDay), Notes(d))).ToList();
        var crossovers = new[] { NetworkDesign.PrivateEndpointsPartnerNat, NetworkDesign.PrivateEndpointsNoNat }
            .Select(e => CrossoverOf(NetworkDesign.PrivateNatForEverything, e))
            .OfType<Crossover>()
            .ToList();
        return new Comparison(Scenario, designs, crossovers);
    }

    /// <summary>The bill of one design at a number of pulls per day (the rest of the scenario as given).</summary>
    public StackCost Bill(NetworkDesign design, double pullsPerDay) =>
        CostModel.Estimate(contexts[design], Scenario.WithPullsPerDay(pullsPerDay).Workload, overrides);

    /// <summary>The bill's exact total: quantity × unit price summed before any rounding.</summary>
    public static decimal ExactUsd(StackCost cost) => cost.Lines.Sum(l => (decimal)l.Quantity * (decimal)l.UnitUsd);

    /// <summary>
    /// Where <paramref name="endpoints"/> becomes cheaper than <paramref name="nat"/>: the model's bills at 0 and at 1
    /// pull per day give each design's fixed cost and cost per pull per day; null when the endpoint design's cost grows
    /// at least as fast and never catches up.
    /// </summary>
    public Crossover? CrossoverOf(NetworkDesign nat, NetworkDesign endpoints)
    {
        var natFixed = ExactUsd(Bill(nat, 0));
        var natPerPull = ExactUsd(Bill(nat, 1)) - natFixed;
        var endpointFixed = ExactUsd(Bill(endpoints, 0));
        var endpointPerPull = ExactUsd(Bill(endpoints, 1)) - endpointFixed;
        if (endpointFixed <= natFixed)
        {
            return endpointPerPull <= natPerPull ? new Crossover(nat, endpoints, 0) : null;
        }

        return natPerPull > endpointPerPull
            ? new Crossover(nat, endpoints, (double)((endpointFixed - natFixed) / (natPerPull - endpointPerPull)))
            : null;
    }

    private IReadOnlyList<string> Notes(NetworkDesign design)
    {
        var partner = Scenario.Workload.PartnerGbPerMonth;
        return design switch
        {
            NetworkDesign.PrivateEndpointsNoNat when partner > 0 => [string.Create(CultureInfo.InvariantCulture, $"No path to the partner ({DesignScenario.PartnerCidr}): the {partner:0.##} GB/month to it cannot be sent, so this design does not meet the allow-list requirement.")],
            NetworkDesign.PublicTasksPartnerNat => ["Tasks have public IPs: their subnets must not hold anything that needs to stay unreachable from the internet (security groups decide)."],
            _ => [],
        };
    }
}
