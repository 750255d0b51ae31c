namespace FargateNetwork.Policies.Reachability;

/// <summary>
/// One thing the tasks of a placement must reach to start (or, for ECS Exec, to be reachable): an AWS service in the
/// VPC's Region (an endpoint or the internet serves it), the same service in another Region (only the internet
/// serves it: endpoints do not take cross-Region requests), or the internet itself (an image outside ECR).
/// </summary>
/// <param name="Destination">What to reach; <see cref="Destination.Region"/> is set for another Region.</param>
/// <param name="Why">What the task uses it for, for messages.</param>
/// <param name="Error">The error a task hits without it (as ECS reports it: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_cannot_pull_image.html).</param>
public sealed record TaskNeed(Destination Destination, string Why, string Error)
{
    /// <summary>True when only an internet path (NAT or internet gateway) can serve the need.</summary>
    public bool NeedsInternet => Destination.Service is null || Destination.Region is not null;

    /// <summary>The service in the VPC's Region, when an endpoint of the VPC can serve the need.</summary>
    public string? LocalService => NeedsInternet ? null : Destination.Service;
}
