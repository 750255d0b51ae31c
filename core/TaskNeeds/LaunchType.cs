namespace FargateNetwork.Aws;

/// <summary>
/// How ECS launches a task (<c>launchType</c>, or the capacity provider behind it), or that the reader cannot tell.
/// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/launch_types.html
/// </summary>
public enum LaunchType
{
    Fargate,
    Ec2,

    /// <summary>ECS Anywhere: outside the VPC, not checked.</summary>
    External,

    /// <summary>Not known (a cluster default capacity provider strategy, an unknown value).</summary>
    Unknown,
}
