namespace FargateNetwork.Aws;

/// <summary>One priced unit of the network's monthly bill; its key in a <c>--prices</c> file is <see cref="PriceItems.Key"/>.</summary>
public enum PriceItem
{
    /// <summary>NAT gateway, USD per NAT-gateway-hour.</summary>
    NatGatewayHour,

    /// <summary>NAT gateway data processing, USD per GB.</summary>
    NatGatewayGb,

    /// <summary>Interface endpoint, USD per endpoint per AZ per hour.</summary>
    InterfaceEndpointHour,

    /// <summary>Interface endpoint data processing, USD per GB (first PB of the Region).</summary>
    InterfaceEndpointGb,

    /// <summary>Public IPv4 address, USD per address-hour.</summary>
    PublicIpv4Hour,

    /// <summary>Network Load Balancer, USD per hour.</summary>
    NetworkLoadBalancerHour,

    /// <summary>Network Load Balancer capacity unit, USD per NLCU-hour.</summary>
    NlcuHour,

    /// <summary>Application Load Balancer, USD per hour.</summary>
    ApplicationLoadBalancerHour,

    /// <summary>Data transfer between AZs, USD per GB in each direction.</summary>
    CrossAzGb,

    /// <summary>Data transfer out to the internet, USD per GB.</summary>
    DataTransferOutGb,
}

/// <summary>Names and units of <see cref="PriceItem"/>.</summary>
public static class PriceItems
{
    public static IReadOnlyList<PriceItem> All { get; } = Enum.GetValues<PriceItem>();

    /// <summary>The key in a <c>--prices</c> file: <c>natGatewayHour</c>, <c>crossAzGb</c>...</summary>
    public static string Key(PriceItem item) => char.ToLowerInvariant(item.ToString()[0]) + item.ToString()[1..];

    /// <summary>The unit the price is per: <c>hour</c> or <c>GB</c>.</summary>
    public static string Unit(PriceItem item) => item switch
    {
        PriceItem.NatGatewayGb or PriceItem.InterfaceEndpointGb or PriceItem.CrossAzGb or PriceItem.DataTransferOutGb => "GB",
        PriceItem.NlcuHour => "NLCU-hour",
        PriceItem.InterfaceEndpointHour => "endpoint-AZ-hour",
        PriceItem.PublicIpv4Hour => "address-hour",
        _ => "hour",
    };
}
