using System.Text;
using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Model;
using FargateNetwork.Policies.Pack;

namespace FargateNetwork.Policies.Report;

/// <summary>
/// A Mermaid flowchart (https://mermaid.js.org/syntax/flowchart.html) of one VPC: its AZs with their subnets (CIDR
/// and route targets), NAT gateways with their Elastic IPs, the internet gateway, endpoints with their AZs, load
/// balancers and endpoint services; then each task subnet's path to every destination its tasks need, coloured by
/// status: green works, red none (the label says why), orange unknown.
/// </summary>
public static class MermaidDiagram
{
    private const string Works = "#2e7d32";
    private const string None = "#c62828";
    private const string Unknown = "#ef6c00";

    public static string Of(Vpc vpc, StackNetwork network, IReadOnlyList<ReachabilityRow> rows)
    {
        var model = network.Model;
        var text = new StringBuilder();
        var edges = new List<string>();
        text.AppendLine("flowchart LR");
        text.AppendLine($"  subgraph {Id("vpc", vpc.Resource.Name, vpc.Resource.Urn)}[\"VPC {Label(vpc.Resource.Name)} {Label(vpc.CidrBlock.Shown)}\"]");
        text.AppendLine("    direction TB");
        foreach (var az in vpc.Subnets.GroupBy(s => s.AvailabilityZone.IsKnown ? s.AvailabilityZone.Shown : "AZ unknown").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine($"    subgraph {Id("az", az.Key, vpc.Resource.Urn + az.Key)}[\"{Label(az.Key)}\"]");
            foreach (var subnet in az)
            {
                var table = model.RouteTableOf(subnet, out _);
                var kind = model.Placements.Any(p => p.Subnets.Contains(subnet)) ? "task subnet" : "subnet";
                text.AppendLine($"      {Id("subnet", subnet.Resource.Name, subnet.Resource.Urn)}[\"{kind} {Label(subnet.Name)}<br/>{Label(subnet.CidrBlock.Shown)}<br/>route table {Label(table?.Name ?? "unknown")}\"]");
                foreach (var nat in model.NatGateways.Where(n => n.Subnet == subnet))
                {
                    var eip = nat.PublicIp.IsKnown ? nat.PublicIp.Shown : nat.AllocationId.Target?.Name;
                    text.AppendLine($"      {Id("nat", nat.Resource.Name, nat.Resource.Urn)}{{{{\"NAT gateway {Label(nat.Name)}{(eip is null ? string.Empty : $"<br/>Elastic IP {Label(eip)}")}\"}}}}");
                }
            }

            text.AppendLine("    end");
        }

        foreach (var endpoint in model.Endpoints.Where(e => e.Vpc == vpc))
        {
            var azs = endpoint.Subnets.Select(s => s.AvailabilityZone.Shown).Distinct(StringComparer.Ordinal).ToList();
            var where = endpoint.IsGateway ? "gateway endpoint (route tables)" : azs.Count == 0 ? "interface endpoint" : $"interface endpoint in {string.Join(", ", azs)}";
            text.AppendLine($"    {Id("endpoint", endpoint.Resource.Name, endpoint.Resource.Urn)}[/\"{Label(endpoint.Service ?? endpoint.Name)} {where}<br/>{Label(endpoint.Name)}\"/]");
        }

        foreach (var lb in model.LoadBalancers.Where(l => l.Subnets.Any(s => s.Vpc == vpc)))
        {
            text.AppendLine($"    {Id("lb", lb.Resource.Name, lb.Resource.Urn)}[\"load balancer {Label(lb.Name)} ({Label(lb.LoadBalancerType.IsKnown ? lb.LoadBalancerType.Shown : "application")})\"]");
        }

        text.AppendLine("  end");
        foreach (var igw in vpc.InternetGateways)
        {
            text.AppendLine($"  {Id("igw", igw.Resource.Name, igw.Resource.Urn)}((\"internet gateway {Label(igw.Resource.Name)}\"))");
        }

        foreach (var service in model.EndpointServices.Where(s => s.NetworkLoadBalancers.Any(l => l.Subnets.Any(n => n.Vpc == vpc))))
        {
            text.AppendLine($"  {Id("service", service.Resource.Name, service.Resource.Urn)}[[\"endpoint service {Label(service.Name)}\"]]");
            foreach (var lb in service.NetworkLoadBalancers)
            {
                Edge(text, edges, Id("service", service.Resource.Name, service.Resource.Urn), Id("lb", lb.Resource.Name, lb.Resource.Urn), "PrivateLink", "#1565c0", dotted: true);
            }
        }

        // Route targets of every subnet: its default routes and fixed-egress routes to gateways.
        foreach (var subnet in vpc.Subnets)
        {
            var table = model.RouteTableOf(subnet, out _);
            foreach (var route in table?.Routes ?? [])
            {
                var target = route.Target switch
                {
                    RouteTargetKind.InternetGateway when route.InternetGateway is { } igw => Id("igw", igw.Resource.Name, igw.Resource.Urn),
                    RouteTargetKind.NatGateway when route.NatGateway is { } nat => Id("nat", nat.Resource.Name, nat.Resource.Urn),
                    _ => null,
                };
                if (target is not null)
                {
                    Edge(text, edges, Id("subnet", subnet.Resource.Name, subnet.Resource.Urn), target, route.Destination.Shown, "#757575", dotted: true);
                }
            }
        }

        var destinations = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => network.IsNeeded(r) && vpc.Subnets.Any(s => s.Resource.Urn == r.Subnet)))
        {
            var destination = Id("dest", row.Destination, row.Destination);
            if (destinations.Add(destination))
            {
                text.AppendLine($"  {destination}([\"{Label(row.Destination)}\"])");
            }

            var (colour, label) = row.Path switch
            {
                "none" => (None, $"none: {Short(row.Detail)}"),
                "unknown" => (Unknown, $"unknown: {Short(row.Detail)}"),
                _ => (Works, row.Via is null ? row.Path : $"{row.Path} {Urn.Name(row.Via)}"),
            };
            Edge(text, edges, Id("subnet", row.SubnetName, row.Subnet), destination, label, colour, dotted: false);
        }

        foreach (var (style, index) in edges.Select((s, i) => (s, i)))
        {
            text.AppendLine($"  linkStyle {index} {style}");
        }

        return text.ToString();
    }

    private static void Edge(StringBuilder text, List<string> edges, string from, string to, string label, string colour, bool dotted)
    {
        text.AppendLine($"  {from} {(dotted ? "-.->" : "-->")}|\"{Label(label)}\"| {to}");
        edges.Add($"stroke:{colour},stroke-width:{(dotted ? 1 : 2)}px");
    }

    private static string Short(string detail) => detail.Length <= 60 ? detail : detail[..57] + "...";

    /// <summary>A node id Mermaid accepts: a prefix, the name's letters and digits, and a hash of the key (the URN) against collisions.</summary>
    public static string Id(string prefix, string name, string key)
    {
        var clean = new StringBuilder(prefix).Append('_');
        foreach (var c in name.Length > 40 ? name[..40] : name)
        {
            clean.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }

        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return $"{clean}_{hash % 1000000}";
    }

    /// <summary>Text inside a quoted Mermaid label: quotes, angle brackets and backticks (a markdown string) as entities, so no label breaks the syntax.</summary>
    public static string Label(string text) => text
        .Replace("#", "#35;", StringComparison.Ordinal)
        .Replace("&", "#amp;", StringComparison.Ordinal)
        .Replace("\"", "#quot;", StringComparison.Ordinal)
        .Replace("<", "#lt;", StringComparison.Ordinal)
        .Replace(">", "#gt;", StringComparison.Ordinal)
        .Replace("`", "#96;", StringComparison.Ordinal)
        .Replace("\n", " ", StringComparison.Ordinal);
}
