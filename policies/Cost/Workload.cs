namespace FargateNetwork.Policies.Cost;

/// <summary>
/// What the tasks do in a month, the traffic side of the bill. GiB and GB are taken as equal (AWS bills data in GB;
/// image sizes are usually given in GiB: the estimate is about 7% low for the pulls).
/// </summary>
/// <param name="PullsPerDay">Image pulls per day per task placement (task starts, scaling, scheduled runs).</param>
/// <param name="ImageGiB">Compressed image size: what one pull downloads from S3 (the layers).</param>
/// <param name="PartnerGbPerMonth">Data sent per month to the allow-listed partner CIDRs (or the internet when the stack routes none), all placements together.</param>
/// <param name="TasksRunning">Tasks running at any time per placement; default: the service's <c>desiredCount</c>, else 1.</param>
/// <param name="ServedGbPerMonth">Data served per month through each Network Load Balancer (NLCU by bytes: 1 GB per NLCU-hour for TCP).</param>
public sealed record Workload(double PullsPerDay = 100, double ImageGiB = 0.5, double PartnerGbPerMonth = 10, int? TasksRunning = null, double ServedGbPerMonth = 0)
{
    /// <summary>Days in a month for the pull volume, as the image-pull estimate counts them.</summary>
    public const double DaysPerMonth = 30;

    public static Workload Default { get; } = new();

    /// <summary>GB of image layers one placement pulls per month.</summary>
    public double PullGbPerMonth => PullsPerDay * ImageGiB * DaysPerMonth;
}
