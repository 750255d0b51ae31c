
namespace FargateNetwork.Policies.Cost;

/// <summary>
/// One line of a stack's monthly bill: the resource that causes it, what is charged, how much of it, at which unit
/// price and from which source.
/// </summary>
/// <param name="Resource">The URN of the resource that causes the charge.</param>
/// <param name="Name">Its logical name.</param>
/// <param name="Charge">What is charged, e.g. <c>NAT gateway hours</c> or <c>NAT data processing: image layers</c>.</param>
/// <param name="Item">The price item.</param>
/// <param name="Quantity">Units per month (hours, GB, address-hours...).</param>
/// <param name="UnitUsd">USD per unit.</param>
/// <param name="Source">Where the unit price comes from.</param>
public sealed record CostLine(string Resource, string Name, string Charge, PriceItem Item, double Quantity, double UnitUsd, string Source)
{
    /// <summary>The unit of <see cref="Quantity"/>.</summary>
    public string Unit => PriceItems.Unit(Item);

    /// <summary>Quantity × unit price, rounded to cents.</summary>
    public decimal MonthlyUsd => Math.Round((decimal)(Quantity * UnitUsd), 2, MidpointRounding.AwayFromZero);
}
