
namespace FargateNetwork.Policies.Cost;

/// <summary>Collects cost lines, one per resource and charge: adding to an existing line adds to its quantity.</summary>
internal sealed class Bill(Prices prices)
{
    private readonly List<CostLine> lines = [];

    private readonly Dictionary<(string Subnet, string Destination), decimal> pathCosts = [];

    public IReadOnlyList<CostLine> Lines => lines;

    /// <summary>Per task subnet and destination, the traffic charges of its path.</summary>
    public IReadOnlyDictionary<(string Subnet, string Destination), decimal> PathCosts => pathCosts;

    /// <summary>The task subnet and destination the traffic being added flows between, if any.</summary>
    public (string Subnet, string Destination)? Path { get; set; }

    public void Add(StackResource resource, string charge, PriceItem item, double quantity)
    {
        if (Path is { } path)
        {
            pathCosts[path] = pathCosts.GetValueOrDefault(path) + (decimal)(quantity * prices.Of(item));
        }

        var index = lines.FindIndex(l => l.Resource == resource.Urn && l.Charge == charge);
        if (index >= 0)
        {
            lines[index] = lines[index] with { Quantity = lines[index].Quantity + quantity };
            return;
        }

        lines.Add(new CostLine(resource.Urn, resource.Name, charge, item, quantity, prices.Of(item), prices.SourceOf(item)));
    }
}
