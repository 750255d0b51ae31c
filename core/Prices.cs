namespace FargateNetwork.Aws;

/// <summary>
/// Per-Region prices (USD) for the cost estimates: the figures of <see cref="PriceTable"/> for one Region. A figure
/// the table has no source for in that Region is us-east-1's, and <see cref="SourceOf"/> says so; a Region with no
/// table at all uses us-east-1's figures and <see cref="Listed"/> is false. <c>--prices FILE</c> and the
/// <c>image-pulls-through-nat</c> config override any figure.
/// </summary>
/// <param name="NatGatewayPerGb">NAT gateway data processing per GB (both directions, any destination).</param>
/// <param name="InterfaceEndpointPerHour">Interface endpoint, per endpoint per AZ per hour.</param>
/// <param name="InterfaceEndpointPerGb">Interface endpoint data processing per GB (first PB tier).</param>
public sealed record Prices(string Region, double NatGatewayPerGb, double InterfaceEndpointPerHour, double InterfaceEndpointPerGb, bool Listed)
{
    /// <summary>Hours in a billing month as AWS's examples count them.</summary>
    public const double HoursPerMonth = 730;

    /// <summary>NAT gateway, per NAT-gateway-hour.</summary>
    public double NatGatewayPerHour { get; init; }

    /// <summary>Public IPv4 address (Elastic IP, task public IP, load balancer address), per address-hour.</summary>
    public double PublicIpv4PerHour { get; init; }

    /// <summary>Network Load Balancer, per load-balancer-hour.</summary>
    public double NetworkLoadBalancerPerHour { get; init; }

    /// <summary>Network Load Balancer capacity unit (NLCU), per NLCU-hour.</summary>
    public double NlcuPerHour { get; init; }

    /// <summary>Application Load Balancer, per load-balancer-hour.</summary>
    public double ApplicationLoadBalancerPerHour { get; init; }

    /// <summary>Data transfer between Availability Zones of one Region, per GB in each direction.</summary>
    public double CrossAzPerGb { get; init; }

    /// <summary>Data transfer out to the internet, per GB (first paid tier, after the free allowance).</summary>
    public double DataTransferOutPerGb { get; init; }

    /// <summary>Where each figure comes from (a URL, or the override that set it), by <see cref="PriceItem"/>.</summary>
    public IReadOnlyDictionary<PriceItem, string> Sources { get; init; } = new Dictionary<PriceItem, string>();

    public static Prices For(string? region) => PriceTable.For(region);

    /// <summary>The price of one item.</summary>
    public double Of(PriceItem item) => item switch
    {
        PriceItem.NatGatewayHour => NatGatewayPerHour,
        PriceItem.NatGatewayGb => NatGatewayPerGb,
        PriceItem.InterfaceEndpointHour => InterfaceEndpointPerHour,
        PriceItem.InterfaceEndpointGb => InterfaceEndpointPerGb,
        PriceItem.PublicIpv4Hour => PublicIpv4PerHour,
        PriceItem.NetworkLoadBalancerHour => NetworkLoadBalancerPerHour,
        PriceItem.NlcuHour => NlcuPerHour,
        PriceItem.ApplicationLoadBalancerHour => ApplicationLoadBalancerPerHour,
        PriceItem.CrossAzGb => CrossAzPerGb,
        PriceItem.DataTransferOutGb => DataTransferOutPerGb,
        _ => throw new ArgumentOutOfRangeException(nameof(item)),
    };

    /// <summary>The same prices with one item set.</summary>
    public Prices With(PriceItem item, double usd, string source)
    {
        var sources = new Dictionary<PriceItem, string>(Sources) { [item] = source };
        var prices = this with { Sources = sources };
        return item switch
        {
            PriceItem.NatGatewayHour => prices with { NatGatewayPerHour = usd },
            PriceItem.NatGatewayGb => prices with { NatGatewayPerGb = usd },
            PriceItem.InterfaceEndpointHour => prices with { InterfaceEndpointPerHour = usd },
            PriceItem.InterfaceEndpointGb => prices with { InterfaceEndpointPerGb = usd },
            PriceItem.PublicIpv4Hour => prices with { PublicIpv4PerHour = usd },
            PriceItem.NetworkLoadBalancerHour => prices with { NetworkLoadBalancerPerHour = usd },
            PriceItem.NlcuHour => prices with { NlcuPerHour = usd },
            PriceItem.ApplicationLoadBalancerHour => prices with { ApplicationLoadBalancerPerHour = usd },
            PriceItem.CrossAzGb => prices with { CrossAzPerGb = usd },
            PriceItem.DataTransferOutGb => prices with { DataTransferOutPerGb = usd },
            _ => throw new ArgumentOutOfRangeException(nameof(item)),
        };
    }

    /// <summary>Where a figure comes from.</summary>
    public string SourceOf(PriceItem item) => Sources.TryGetValue(item, out var source) ? source : "no source";
}
