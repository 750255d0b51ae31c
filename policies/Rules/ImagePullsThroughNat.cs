using System.Globalization;
using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Model;
using FargateNetwork.Policies.Reachability;

namespace FargateNetwork.Policies.Rules;

/// <summary>
/// <c>image-pulls-through-nat</c> [advisory]: task subnets whose ECR or S3 traffic goes through a NAT gateway. A NAT
/// gateway bills every GB it processes, AWS destinations included; the S3 gateway endpoint is free and carries the
/// image layers. https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html (pricing: use endpoints for
/// AWS-service traffic). The estimate: pulls per day × image size × 30 days × the Region's NAT price per GB, against
/// the interface endpoints' hourly cost (ecr.api and ecr.dkr in each task AZ; S3 gateway free).
/// </summary>
public sealed class ImagePullsThroughNat : NetworkPolicy
{
    public const string Id = "image-pulls-through-nat";

    public ImagePullsThroughNat()
        : base(
            Id,
            "Image pulls do not go through a NAT gateway",
            "Task subnets whose ECR or S3 traffic goes through a NAT gateway, with the estimated monthly NAT data-processing cost and the cost with endpoints instead.",
            EnforcementLevel.Advisory,
            PolicySchema.Of(
                ("pullsPerDay", PolicySchema.Number("Image pulls per day per service (task starts, scaling, scheduled runs).", 100)),
                ("imageSizeGiB", PolicySchema.Number("Compressed image size in GiB.", 0.5)),
                ("region", PolicySchema.Text("Region whose prices apply when the stack does not say it.")),
                ("natGatewayPerGbUsd", PolicySchema.OptionalNumber("NAT gateway data processing, USD per GB (default: the Region's price).")),
                ("interfaceEndpointPerHourUsd", PolicySchema.OptionalNumber("Interface endpoint, USD per endpoint per AZ per hour (default: the Region's price).")),
                ("interfaceEndpointPerGbUsd", PolicySchema.OptionalNumber("Interface endpoint data processing, USD per GB (default: the Region's price)."))))
    {
    }

    /// <summary>Monthly NAT data-processing cost of one placement's image pulls.</summary>
    public static double MonthlyPullGb(PolicySettings settings) =>
        settings.Number("pullsPerDay", 100) * settings.Number("imageSizeGiB", 0.5) * 30;

    public static Prices PricesFor(PolicyContext context, PolicySettings settings)
    {
        var prices = Prices.For(context.Model.Region ?? settings.Text("region"));
        return prices with
        {
            NatGatewayPerGb = settings.OptionalNumber("natGatewayPerGbUsd") ?? prices.NatGatewayPerGb,
            InterfaceEndpointPerHour = settings.OptionalNumber("interfaceEndpointPerHourUsd") ?? prices.InterfaceEndpointPerHour,
            InterfaceEndpointPerGb = settings.OptionalNumber("interfaceEndpointPerGbUsd") ?? prices.InterfaceEndpointPerGb,
        };
    }

    public override IEnumerable<Finding> Check(PolicyContext context, PolicySettings settings)
    {
        Prices? prices = null; // read when a finding names them
        var gb = MonthlyPullGb(settings);
        foreach (var placement in context.Model.Placements)
        {
            // Only what the containers pull from ECR in the VPC's Region counts: an image from another registry or
            // Region cannot use these endpoints, and platform 1.3.0 does not call ecr.api from the task.
            var pulled = PulledServices(context, placement);
            if (pulled.Count == 0)
            {
                continue;
            }

            // Made only for a placement that pulls through a NAT.
            SortedSet<string>? throughNat = null;
            List<string>? natSubnets = null;
            foreach (var subnet in placement.Subnets)
            {
                var any = false;
                for (var i = 0; i < pulled.Count; i++)
                {
                    var service = pulled[i];
                    if (context.Reachability.Find(placement, subnet, Destination.ForService(service)).Kind == PathKind.NatGateway)
                    {
                        (throughNat ??= new SortedSet<string>(StringComparer.Ordinal)).Add(service);
                        any = true;
                    }
                }

                if (any)
                {
                    (natSubnets ??= []).Add(subnet.Name);
                }
            }

            if (throughNat is null || natSubnets is null)
            {
                continue;
            }

            prices ??= PricesFor(context, settings);

            var azs = placement.Subnets.Where(s => s.AvailabilityZone.IsKnown).Select(s => s.AvailabilityZone.Value).Distinct(StringComparer.Ordinal).Count();
            azs = Math.Max(azs, 1);
            var layersViaNat = throughNat.Contains(Destination.S3);
            var natCost = layersViaNat ? gb * prices.NatGatewayPerGb : 0;
            var interfaceServices = throughNat.Count(s => s != Destination.S3);
            var endpointCost = interfaceServices * azs * Prices.HoursPerMonth * prices.InterfaceEndpointPerHour;
            var priceNote = prices.Listed ? $"{prices.Region} prices" : $"us-east-1 prices (no price table for {prices.Region}; override in config)";
            var services = string.Join(", ", throughNat.Select(context.Model.ServiceName));
            var layers = layersViaNat
                ? $"Estimated NAT data processing for the image layers: ${natCost:F2}/month for {settings.Number("pullsPerDay", 100):G} pulls/day of {settings.Number("imageSizeGiB", 0.5):G} GiB ({gb:G} GB at ${prices.NatGatewayPerGb}/GB, {priceNote}). With the S3 gateway endpoint on the task route tables (free) the layers skip the NAT."
                : "The image layers already use the S3 gateway endpoint; the NAT carries only the ECR API and manifest calls (small, billed per GB).";
            var endpoints = interfaceServices > 0
                ? $" ECR interface endpoints instead: {interfaceServices} endpoint(s) in {azs} AZ(s) cost ${endpointCost:F2}/month ({priceNote})."
                : string.Empty;
            yield return new Finding(
                placement.Resource,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Image pulls of {placement.Name} from subnets {string.Join(", ", natSubnets)} go through a NAT gateway ({services}). {layers}{endpoints} Fix: add the S3 gateway endpoint to the task subnets' route tables, and {string.Join("/", pulled.Where(s => s != Destination.S3))} interface endpoints when the pull volume justifies them."),
                AdvisoryOnly: true);
        }
    }

    /// <summary>The image-pull services (ecr.api, ecr.dkr, s3) the placement's tasks need in the VPC's Region, known from their images.</summary>
    public static IReadOnlyList<string> PulledServices(PolicyContext context, TaskPlacement placement)
    {
        if (placement.TaskDefinition?.Containers is not { Count: > 0 } containers || !containers.Any(c => c.Registry == ImageRegistry.Ecr))
        {
            return [];
        }

        var needs = context.NeedsOf(placement);
        var pulled = 0;
        for (var i = 0; i < needs.Count; i++)
        {
            pulled |= needs[i].LocalService switch
            {
                Destination.EcrApi => 1,
                Destination.EcrDkr => 2,
                Destination.S3 => 4,
                _ => 0,
            };
        }

        return PulledSets[pulled];
    }

    /// <summary>Every set of image-pull services (bit 1 ecr.api, 2 ecr.dkr, 4 s3), in that order, made once.</summary>
    private static readonly IReadOnlyList<string>[] PulledSets = Enumerable.Range(0, 8)
        .Select(set => (IReadOnlyList<string>)new[] { Destination.EcrApi, Destination.EcrDkr, Destination.S3 }.Where((_, bit) => (set & (1 << bit)) != 0).ToArray())
        .ToArray();
}
