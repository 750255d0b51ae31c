using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Model;
using FargateNetwork.Policies.Reachability;
using FargateNetwork.Policies.Rules;

namespace FargateNetwork.Policies.Cost;

/// <summary>
/// The monthly network bill of a stack from its resources and a workload. Fixed lines: NAT gateway hours, public
/// IPv4 address hours (Elastic IPs, task public IPs, internet-facing load balancer addresses per subnet), interface
/// endpoint hours per AZ, load balancer hours. Traffic lines follow the reachability paths of each task subnet: image
/// layers (S3) and partner traffic through a NAT gateway are billed per GB processed, through an interface endpoint per
/// GB, through the S3 gateway endpoint or an internet gateway not at all; a NAT or endpoint in another AZ adds
/// cross-AZ transfer (both directions, https://aws.amazon.com/ec2/pricing/on-demand/ "Data Transfer within the same AWS
/// Region"); partner traffic leaving AWS adds data transfer out. Unknown paths are not billed and a note says so.
/// </summary>
public static class CostModel
{
    private const string EipType = "aws:ec2/eip:Eip";
    private const string ServiceType = "aws:ecs/service:Service";

    public static StackCost Estimate(IReadOnlyList<StackResource> resources, Workload workload, PriceOverrides? overrides = null) =>
        Estimate(new PolicyContext(NetworkModel.Build(resources)), workload, overrides);

    public static StackCost Estimate(PolicyContext context, Workload workload, PriceOverrides? overrides = null)
    {
        var model = context.Model;
        var prices = PriceTable.For(model.Region);
        prices = overrides?.Apply(prices) ?? prices;
        var bill = new Bill(prices);
        var notes = new List<string>();
        if (model.Region is null)
        {
            notes.Add($"The stack does not say its Region: {PriceTable.BaseRegion} prices.");
        }
        else if (!prices.Listed)
        {
            notes.Add($"No price table for {model.Region}: {PriceTable.BaseRegion} prices are used (--prices FILE overrides them).");
        }

        Fixed(model, bill);
        foreach (var placement in model.Placements.Where(p => p.LaunchType != LaunchType.External))
        {
            var tasks = workload.TasksRunning ?? DesiredCount(placement) ?? 1;
            if (placement.AssignPublicIp.Is(on => on))
            {
                bill.Add(placement.Resource, $"task public IPv4 addresses ({tasks} task(s))", PriceItem.PublicIpv4Hour, tasks * Prices.HoursPerMonth);
            }

            Traffic(context, placement, workload, bill, notes);
        }

        notes.Add("Not counted: the 100 GB/month data-transfer-out free tier, ECR API and manifest calls (small), CloudWatch Logs ingestion, and paths that are unknown or none.");
        return new StackCost(prices.Region, prices.Listed, workload, bill.Lines, notes) { PathCosts = bill.PathCosts, Prices = prices };
    }

    private static void Fixed(NetworkModel model, Bill bill)
    {
        foreach (var nat in model.NatGateways)
        {
            bill.Add(nat.Resource, "NAT gateway hours", PriceItem.NatGatewayHour, Prices.HoursPerMonth);
        }

        foreach (var eip in model.Graph.OfType(EipType))
        {
            var nat = model.NatGateways.FirstOrDefault(n => n.AllocationId.Target?.Urn == eip.Urn);
            bill.Add(eip, nat is null ? "Elastic IP address hours" : $"Elastic IP address hours (NAT gateway {nat.Name})", PriceItem.PublicIpv4Hour, Prices.HoursPerMonth);
        }

        foreach (var endpoint in model.Endpoints.Where(e => e.IsInterface))
        {
            var azs = endpoint.Subnets.Select(s => s.AvailabilityZone.IsKnown ? s.AvailabilityZone.Value : s.Name).Distinct(StringComparer.Ordinal).Count();
            bill.Add(endpoint.Resource, $"interface endpoint hours in {azs} AZ(s)", PriceItem.InterfaceEndpointHour, azs * Prices.HoursPerMonth);
        }

        foreach (var lb in model.LoadBalancers)
        {
            var network = lb.LoadBalancerType.Is(t => t.Equals("network", StringComparison.OrdinalIgnoreCase));
            bill.Add(lb.Resource, network ? "Network Load Balancer hours" : "Application Load Balancer hours", network ? PriceItem.NetworkLoadBalancerHour : PriceItem.ApplicationLoadBalancerHour, Prices.HoursPerMonth);
            if (lb.Internal.Is(i => !i) || lb.Internal.IsAbsent)
            {
                // An internet-facing load balancer holds a public IPv4 address in each of its subnets.
                bill.Add(lb.Resource, $"public IPv4 address hours ({lb.Subnets.Count} subnet(s))", PriceItem.PublicIpv4Hour, lb.Subnets.Count * Prices.HoursPerMonth);
            }
        }
    }

    private static void Traffic(PolicyContext context, TaskPlacement placement, Workload workload, Bill bill, List<string> notes)
    {
        if (placement.Subnets.Count == 0)
        {
            return;
        }

        var pullShare = workload.PullGbPerMonth / placement.Subnets.Count;
        var partners = PartnerDestinations(context.Model, placement);
        var partnerShare = workload.PartnerGbPerMonth / placement.Subnets.Count / partners.Count;
        foreach (var subnet in placement.Subnets)
        {
            var s3 = context.Reachability.Find(placement, subnet, Destination.ForService(Destination.S3));
            Carry(s3, subnet, Destination.S3, "image layers", pullShare, leavesAws: false, bill, notes);
            foreach (var partner in partners)
            {
                var path = context.Reachability.Find(placement, subnet, partner);
                Carry(path, subnet, partner.Name, $"traffic to {partner.Name}", partnerShare, leavesAws: true, bill, notes);
            }
        }

        if (workload.ServedGbPerMonth > 0)
        {
            foreach (var lb in placement.TargetGroups.SelectMany(t => context.Model.LoadBalancers.Where(l => l.TargetGroups.Contains(t))).Distinct())
            {
                if (lb.LoadBalancerType.Is(t => t.Equals("network", StringComparison.OrdinalIgnoreCase)))
                {
                    bill.Add(lb.Resource, "NLCU-hours for the data served (1 GB per NLCU-hour)", PriceItem.NlcuHour, workload.ServedGbPerMonth);
                }
            }
        }
    }

    private static void Carry(NetworkPath path, Subnet from, string destination, string what, double gb, bool leavesAws, Bill bill, List<string> notes)
    {
        if (gb <= 0)
        {
            return;
        }

        bill.Path = (from.Resource.Urn, destination);

        switch (path.Kind)
        {
            case PathKind.NatGateway when path.Nat is { } nat:
                bill.Add(nat.Resource, $"NAT data processing: {what}", PriceItem.NatGatewayGb, gb);
                if (OtherAz(from, nat.Subnet))
                {
                    bill.Add(nat.Resource, $"cross-AZ transfer to the NAT gateway (in and out): {what}", PriceItem.CrossAzGb, 2 * gb);
                }

                if (leavesAws)
                {
                    bill.Add(nat.Resource, $"data transfer out to the internet: {what}", PriceItem.DataTransferOutGb, gb);
                }

                break;
            case PathKind.InterfaceEndpoint when path.Endpoint is { } endpoint:
                bill.Add(endpoint.Resource, $"endpoint data processing: {what}", PriceItem.InterfaceEndpointGb, gb);
                if (path.CrossAz)
                {
                    bill.Add(endpoint.Resource, $"cross-AZ transfer to the endpoint (in and out): {what}", PriceItem.CrossAzGb, 2 * gb);
                }

                break;
            case PathKind.InternetGateway when leavesAws && path.Via is { } gateway:
                bill.Add(gateway, $"data transfer out to the internet: {what}", PriceItem.DataTransferOutGb, gb);
                break;
            case PathKind.Unknown:
                notes.Add($"{what} from {from.Name}: path unknown ({path.Detail}), not billed.");
                break;
        }

        bill.Path = null;
    }

    private static bool OtherAz(Subnet from, Subnet? to) =>
        to is not null && from.AvailabilityZone.IsKnown && to.AvailabilityZone.IsKnown && !string.Equals(from.AvailabilityZone.Value, to.AvailabilityZone.Value, StringComparison.Ordinal);

    /// <summary>The partner CIDRs the task subnets route to a NAT gateway; the internet when they route none.</summary>
    private static List<Destination> PartnerDestinations(NetworkModel model, TaskPlacement placement)
    {
        var blocks = placement.Subnets
            .Select(s => model.RouteTableOf(s, out _))
            .Where(t => t is not null)
            .SelectMany(t => t!.Routes)
            .Where(r => r.Target == RouteTargetKind.NatGateway && r.Destination.IsKnown && !r.Destination.IsSecret && r.Destination.Value.PrefixLength > 0)
            .Select(r => r.Destination.Value)
            .Distinct()
            .Select(Destination.FixedEgress)
            .ToList();
        return blocks.Count > 0 ? blocks : [Destination.Internet];
    }

    private static int? DesiredCount(TaskPlacement placement)
    {
        if (ResourceGraph.CanonicalType(placement.Resource.Type) != ServiceType)
        {
            return null;
        }

        var count = new ResourceProperties(placement.Resource).Number("desiredCount");
        return count.IsKnown && count.Value >= 0 ? (int)count.Value : null;
    }
}
