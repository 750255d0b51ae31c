
namespace FargateNetwork.Policies.Cost;

/// <summary>The monthly network bill of one stack for one workload.</summary>
/// <param name="Region">The Region whose prices apply.</param>
/// <param name="RegionListed">False when the price table has no figures for the Region (us-east-1's are used).</param>
/// <param name="Workload">The workload the traffic lines assume.</param>
/// <param name="Lines">The bill, one line per resource and charge.</param>
/// <param name="Notes">What the estimate leaves out or assumes.</param>
public sealed record StackCost(string Region, bool RegionListed, Workload Workload, IReadOnlyList<CostLine> Lines, IReadOnlyList<string> Notes)
{
    /// <summary>The unit prices used, with their sources.</summary>
    public Prices Prices { get; init; } = Prices.For(null);

    /// <summary>Per task subnet URN and destination name, the traffic charges of that path (unrounded).</summary>
    public IReadOnlyDictionary<(string Subnet, string Destination), decimal> PathCosts { get; init; } = new Dictionary<(string, string), decimal>();

    /// <summary>The sum of the lines (each rounded to cents).</summary>
    public decimal TotalUsd => Lines.Sum(l => l.MonthlyUsd);
}
