
namespace FargateNetwork.Policies.Contract;

/// <summary>One row of the reachability report: how traffic from a subnet reaches one destination.</summary>
/// <param name="Subnet">The subnet's URN.</param>
/// <param name="SubnetName">The subnet's logical name.</param>
/// <param name="AvailabilityZone">The subnet's AZ when known.</param>
/// <param name="Destination">
/// What is reached: <c>ecr.api</c>, <c>ecr.dkr</c>, <c>s3</c>, <c>logs</c>, <c>secretsmanager</c>, <c>ssm</c>, <c>ecs</c>,
/// <c>internet</c>, or a fixed-egress CIDR such as <c>203.0.113.10/32</c>.
/// </param>
/// <param name="Path">
/// <c>interface-endpoint</c>, <c>gateway-endpoint</c>, <c>nat-gateway</c>, <c>internet-gateway</c>, <c>none</c> or
/// <c>unknown</c> (a value the model cannot see yet, such as an id in a preview).
/// </param>
/// <param name="Via">The resource the traffic goes through (endpoint, NAT or gateway URN), if any.</param>
/// <param name="Detail">For <c>none</c> and <c>unknown</c> the reason; otherwise what the path is (AZ, Elastic IP...).</param>
/// <param name="MonthlyCostUsd">Estimated monthly data-processing cost of this path for image pulls, when it applies.</param>
public sealed record ReachabilityRow(
    string Subnet,
    string SubnetName,
    string? AvailabilityZone,
    string Destination,
    string Path,
    string? Via,
    string Detail,
    decimal? MonthlyCostUsd);

/// <summary>Everything the offline check reports for one stack.</summary>
public sealed record Evaluation(IReadOnlyList<Violation> Violations, IReadOnlyList<ReachabilityRow> Reachability);
