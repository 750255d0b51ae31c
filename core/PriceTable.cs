namespace FargateNetwork.Aws;

/// <summary>
/// The price table of the network's cost model, read by the policy pack (policies/Cost) and anything else that prices a
/// stack: each figure (USD) with the public page it was read from. AWS's own pricing pages render their per-Region
/// tables with scripts and the AWS Price List offer files (pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonVPC/
/// current/REGION/index.json) were found vendored in no searchable repository, so most figures come from pages quoting
/// them for one Region; a figure is listed only for a Region some page names it for. Regions with a table: us-east-1,
/// us-east-2, ap-northeast-1, ap-southeast-1, sa-east-1. Left out because no page was found that names their figures
/// (third-party per-Region tables that were found disagree with AWS's invoices, e.g. Tokyo's NAT gateway at $0.045
/// instead of $0.062, so none is used): us-west-1, us-west-2, ca-central-1, eu-west-1, eu-west-2, eu-west-3,
/// eu-central-1, eu-north-1, ap-south-1, ap-southeast-2, ap-northeast-2. They use us-east-1's figures and every cost
/// line says so. Within a listed Region, a figure with no Regional source is us-east-1's, and its source says so.
/// </summary>
public static class PriceTable
{
    /// <summary>The Region whose figures stand in for any figure or Region without a source.</summary>
    public const string BaseRegion = "us-east-1";

    /// <summary>Figures that AWS states once for every Region.</summary>
    private const string AnyRegion = "*";

    private static readonly (string Region, PriceItem Item, double Usd, string Source)[] Figures =
    [
        // Public IPv4: $0.005 per address-hour from 1 Feb 2024, for EIPs, EC2/Fargate public IPs and service-managed
        // addresses alike (AWS blog: https://aws.amazon.com/blogs/networking-and-content-delivery/identify-and-optimize-public-ipv4-address-usage-on-aws/ ;
        // the rate: https://vishalvyas.com/understand-aws-public-ipv4-address-usage-and-pricing/).
        (AnyRegion, PriceItem.PublicIpv4Hour, 0.005, "https://vishalvyas.com/understand-aws-public-ipv4-address-usage-and-pricing/ ($0.005 per IP-hour since Feb 2024)"),

        // Interface endpoint data processing: one tier table for "all Interface Endpoints in an AWS Region", first PB $0.01/GB.
        (AnyRegion, PriceItem.InterfaceEndpointGb, 0.01, "https://aws.amazon.com/privatelink/pricing/ (first 1 PB per Region: $0.01/GB)"),

        // us-east-1 (N. Virginia).
        (BaseRegion, PriceItem.NatGatewayHour, 0.045, "https://costpatrol.io/blog/reduce-aws-nat-gateway-costs ($0.045 per hour in us-east-1)"),
        (BaseRegion, PriceItem.NatGatewayGb, 0.045, "https://costpatrol.io/blog/reduce-aws-nat-gateway-costs ($0.045 per GB in us-east-1)"),
        (BaseRegion, PriceItem.InterfaceEndpointHour, 0.01, "https://www.usage.ai/blogs/aws-network-costs/ (US East rates; interface endpoint $0.01 per AZ-hour, also https://www.factualminds.com/blog/amazon-vpc-pricing-endpoints-peering-transit-gateway/)"),
        (BaseRegion, PriceItem.NetworkLoadBalancerHour, 0.0225, "https://clustercost.com/blog/network-load-balancer-pricing-2025 (US-East-1: NLB $0.0225 per hour)"),
        (BaseRegion, PriceItem.NlcuHour, 0.006, "https://aws.amazon.com/elasticloadbalancing/pricing/ (US-East-1 example: $0.006 per NLCU-hour; 1 NLCU = 1 GB/hour for TCP)"),
        (BaseRegion, PriceItem.ApplicationLoadBalancerHour, 0.0225, "https://aws.amazon.com/elasticloadbalancing/pricing/ (US-East-1 example: $0.0225 per ALB-hour)"),
        (BaseRegion, PriceItem.CrossAzGb, 0.01, "https://www.usage.ai/blogs/aws-network-costs/ (US East: $0.01/GB each direction between AZs)"),
        (BaseRegion, PriceItem.DataTransferOutGb, 0.09, "https://repost.aws/questions/QUAT1NfOeZSAK5z8KXXO9jgA/do-amazon-aws-ec-2-free-tier-have-a-bandwidth-limit (bill line: $0.090 per GB, first 10 TB, after the 100 GB free tier)"),

        // us-east-2 (Ohio): AWS's own NAT example on https://aws.amazon.com/vpc/pricing/ is priced for US East (Ohio).
        ("us-east-2", PriceItem.NatGatewayHour, 0.045, "https://aws.amazon.com/vpc/pricing/ (NAT gateway example, US East (Ohio): $0.045 per hour); https://rajesh.medampudi.com/blog/aws-nat-gateway-hidden-tax"),
        ("us-east-2", PriceItem.NatGatewayGb, 0.045, "https://aws.amazon.com/vpc/pricing/ (NAT gateway example, US East (Ohio): $0.045 per GB processed)"),

        // ap-northeast-1 (Tokyo).
        ("ap-northeast-1", PriceItem.NatGatewayHour, 0.062, "https://dev.classmethod.jp/articles/reduce-unnecessary-costs-for-nat-gateway/ (Tokyo: $0.062/h)"),
        ("ap-northeast-1", PriceItem.NatGatewayGb, 0.062, "https://dev.classmethod.jp/articles/reduce-unnecessary-costs-for-nat-gateway/ (Tokyo: $0.062/GB)"),
        ("ap-northeast-1", PriceItem.InterfaceEndpointHour, 0.014, "Media Do tech blog (Tech Do), \"AWS ECR が PrivateLink に対応しました\": Tokyo interface endpoint 0.014 USD per hour"),
        ("ap-northeast-1", PriceItem.DataTransferOutGb, 0.114, "https://dev.classmethod.jp/articles/reduce-unnecessary-costs-for-nat-gateway/ (Tokyo: EC2 to internet $0.114/GB)"),

        // ap-southeast-1 (Singapore).
        ("ap-southeast-1", PriceItem.NatGatewayHour, 0.059, "https://basavytix.com/blog/aws-nat-gateway-pricing (ap-southeast-1: $0.059/hr)"),
        ("ap-southeast-1", PriceItem.NatGatewayGb, 0.059, "https://basavytix.com/blog/aws-nat-gateway-pricing (ap-southeast-1: $0.059/GB)"),

        // sa-east-1 (São Paulo).
        ("sa-east-1", PriceItem.NatGatewayHour, 0.093, "https://costpatrol.io/blog/reduce-aws-nat-gateway-costs (sa-east-1: $0.093/hr)"),
        ("sa-east-1", PriceItem.NatGatewayGb, 0.093, "https://costpatrol.io/blog/reduce-aws-nat-gateway-costs (sa-east-1: $0.093/GB)"),
    ];

    /// <summary>The Regions with their own figures.</summary>
    public static IReadOnlyList<string> Regions { get; } = Figures.Select(f => f.Region).Where(r => r != AnyRegion).Distinct().ToList();

    /// <summary>
    /// The prices of a Region: its own figures, AWS's every-Region figures, and us-east-1's for the rest (sources say
    /// so). A Region with no figures of its own is not <see cref="Prices.Listed"/>.
    /// </summary>
    public static Prices For(string? region)
    {
        var name = region ?? BaseRegion;
        var listed = Regions.Contains(name, StringComparer.Ordinal);
        var prices = new Prices(name, 0, 0, 0, listed);
        foreach (var item in PriceItems.All)
        {
            var (usd, source) = Lookup(listed ? name : BaseRegion, item);
            if (!listed && region is not null)
            {
                source = $"{BaseRegion} figure (no price table for {name}): {source}";
            }

            prices = prices.With(item, usd, source);
        }

        return prices;
    }

    private static (double Usd, string Source) Lookup(string region, PriceItem item)
    {
        foreach (var f in Figures)
        {
            if (f.Region == region && f.Item == item)
            {
                return (f.Usd, f.Source);
            }
        }

        foreach (var f in Figures)
        {
            if (f.Region == AnyRegion && f.Item == item)
            {
                return (f.Usd, f.Source);
            }
        }

        if (region == BaseRegion)
        {
            throw new InvalidOperationException($"the price table has no {BaseRegion} figure for {item}");
        }

        var (usd, source) = Lookup(BaseRegion, item);
        return (usd, region == BaseRegion ? source : $"{BaseRegion} figure (no sourced {region} price): {source}");
    }
}
