namespace FargateNetwork.Aws;

/// <summary>
/// One thing the tasks must reach to start (or, for ECS Exec, to be reachable): an AWS service in the VPC's Region (an
/// endpoint or the internet serves it), the same service in another Region (only the internet serves it: endpoints
/// do not take cross-Region requests), or the internet itself (an image outside ECR).
/// </summary>
/// <param name="Service">The service's short name (<see cref="AwsService"/>); null for the internet.</param>
/// <param name="Region">The service's Region when it is not the VPC's (<c>[secret]</c> when that Region is a Pulumi secret); null otherwise.</param>
/// <param name="Why">What the task uses it for, for messages.</param>
/// <param name="Error">The error a task hits without it (as ECS reports it: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_cannot_pull_image.html).</param>
public sealed record TaskNeed(string? Service, string? Region, string Why, string Error)
{
    /// <summary>True when only an internet path (NAT or internet gateway) can serve the need.</summary>
    public bool NeedsInternet => Service is null || Region is not null;

    /// <summary>The service in the VPC's Region, when an endpoint of the VPC can serve the need.</summary>
    public string? LocalService => NeedsInternet ? null : Service;

    /// <summary>
    /// The kind of VPC endpoint that serves a need in the VPC's Region: the S3 gateway endpoint on the task subnets'
    /// route tables for the ECR image layers ("Create the Amazon S3 gateway endpoint",
    /// https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html), an interface endpoint with private
    /// DNS for every other service; null when only the internet serves the need.
    /// </summary>
    public EndpointKind? Endpoint => LocalService switch
    {
        null => null,
        AwsService.S3 => EndpointKind.Gateway,
        _ => EndpointKind.Interface,
    };
}
