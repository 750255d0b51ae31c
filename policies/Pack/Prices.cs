namespace FargateNetwork.Policies.Pack;

/// <summary>
/// Per-Region prices (USD) for the cost estimates, from the AWS fact sheet §3 (NAT gateway and interface endpoint).
/// Regions not listed use the us-east-1 prices, and the message says so. Every figure can be overridden in the
/// <c>image-pulls-through-nat</c> config.
/// </summary>
/// <param name="NatGatewayPerGb">NAT gateway data processing per GB (both directions, any destination).</param>
/// <param name="InterfaceEndpointPerHour">Interface endpoint, per endpoint per AZ per hour.</param>
/// <param name="InterfaceEndpointPerGb">Interface endpoint data processing per GB (first PB tier).</param>
public sealed record Prices(string Region, double NatGatewayPerGb, double InterfaceEndpointPerHour, double InterfaceEndpointPerGb, bool Listed)
{
    /// <summary>Hours in a billing month as AWS's examples count them.</summary>
    public const double HoursPerMonth = 730;

    private static readonly Dictionary<string, Prices> Known = new(StringComparer.Ordinal)
    {
        // https://aws.amazon.com/vpc/pricing/ and https://aws.amazon.com/privatelink/pricing/ (fact sheet §3.1).
        ["us-east-1"] = new("us-east-1", 0.045, 0.01, 0.01, true),

        // Tokyo: $0.062/GB NAT processing, $0.014 per endpoint-AZ-hour (fact sheet §3.2, invoice lines).
        ["ap-northeast-1"] = new("ap-northeast-1", 0.062, 0.014, 0.01, true),
    };

    public static Prices For(string? region) =>
        region is not null && Known.TryGetValue(region, out var prices) ? prices : Known["us-east-1"] with { Region = region ?? "us-east-1", Listed = false };
}
