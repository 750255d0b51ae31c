namespace FargateNetwork.Policies.Cost;

/// <summary>
/// The one workload the design comparison prices in all four designs: where it runs, how wide, and what it moves.
/// </summary>
/// <param name="Region">The AWS Region whose prices apply (a Region without a price table uses us-east-1's and says so).</param>
/// <param name="AvailabilityZones">Task AZs: one task subnet per AZ, and every interface endpoint in each of them.</param>
/// <param name="Tasks">Tasks running at any time (the service's desired count): each has a public IP in design (b).</param>
/// <param name="Workload">Image pulls per day, image size and partner traffic; its <see cref="Workload.TasksRunning"/> is <paramref name="Tasks"/>.</param>
public sealed record DesignScenario(string Region, int AvailabilityZones, int Tasks, Workload Workload)
{
    /// <summary>The most task AZs a scenario can have: a Region's AZ letters a to f.</summary>
    public const int MaxAvailabilityZones = 6;

    /// <summary>The allow-listed partner's CIDR in every design (TEST-NET-3, RFC 5737).</summary>
    public const string PartnerCidr = "203.0.113.0/24";

    /// <summary>The default comparison: us-east-1, 3 AZs, 3 tasks, and the cost model's default workload.</summary>
    public static DesignScenario Default { get; } = new("us-east-1", 3, 3, Workload.Default with { TasksRunning = 3 });

    /// <summary>The same scenario with another number of image pulls per day.</summary>
    public DesignScenario WithPullsPerDay(double pullsPerDay) => this with { Workload = Workload with { PullsPerDay = pullsPerDay } };

    /// <summary>The task AZ names: the Region followed by a, b, c...</summary>
    public IReadOnlyList<string> AvailabilityZoneNames =>
        [.. Enumerable.Range(0, AvailabilityZones).Select(i => Region + (char)('a' + i))];
}
