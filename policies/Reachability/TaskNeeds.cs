using FargateNetwork.Policies.Model;
using FargateNetwork.Policies.Stack;

namespace FargateNetwork.Policies.Reachability;

/// <summary>
/// The AWS services the tasks of one placement must reach to start, from the launch type, the platform version and
/// the task definition (fact sheet §0, §1). Each need carries the error a task hits without it (fact sheet §6).
/// </summary>
public sealed record TaskNeed(string Service, string Why, string Error);

public static class TaskNeeds
{
    /// <summary>
    /// The services tasks need. Images from ECR (or whose registry is unknown: an image from any other registry needs
    /// the internet, so an ECR path is the only one endpoints can give) need ecr.dkr and the S3 gateway endpoint,
    /// and ecr.api from Fargate platform version 1.4.0 (LATEST today) or on the EC2 launch type.
    /// https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html ;
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-version-migration.html
    /// </summary>
    /// <param name="defaultPlatformVersion">The platform version assumed when none is set (<c>LATEST</c>).</param>
    public static IReadOnlyList<TaskNeed> Of(TaskPlacement placement, string defaultPlatformVersion)
    {
        var needs = new List<TaskNeed>();
        var containers = placement.TaskDefinition?.Containers;
        var pullsFromEcr = containers is null || containers.Count == 0 || containers.Any(c => c.Registry != ImageRegistry.Other);
        if (pullsFromEcr)
        {
            if (NeedsEcrApi(placement, defaultPlatformVersion))
            {
                needs.Add(new TaskNeed(
                    Destination.EcrApi,
                    "the registry auth token (platform version 1.4.0 or later)",
                    "ResourceInitializationError: unable to pull secrets or registry auth: ... unable to retrieve ecr registry auth ... dial tcp ...:443: i/o timeout"));
            }

            needs.Add(new TaskNeed(
                Destination.EcrDkr,
                "the image manifest (Docker Registry API)",
                "CannotPullContainerError: ... There is a connection issue between the task and Amazon ECR ... i/o timeout"));
            needs.Add(new TaskNeed(
                Destination.S3,
                "the image layers (S3 gateway endpoint on the subnet's route table)",
                "CannotPullContainerError: ... dial tcp <S3 address>:443: i/o timeout (layer download from prod-<region>-starport-layer-bucket)"));
        }

        if (containers?.Any(c => c.UsesAwslogs) == true)
        {
            needs.Add(new TaskNeed(
                Destination.Logs,
                containers.Where(c => c.UsesAwslogs).All(c => c.LogDriver.IsSecret) ? "the [secret] log driver" : "the awslogs log driver",
                "ResourceInitializationError: failed to validate logger args: ... signal: killed"));
        }

        if (containers?.Any(c => c.SecretsManagerSecrets > 0) == true)
        {
            needs.Add(new TaskNeed(
                Destination.SecretsManager,
                "secrets (or repositoryCredentials) from Secrets Manager",
                "ResourceInitializationError: unable to pull secrets or registry auth: ... unable to retrieve secret from asm"));
        }

        if (containers?.Any(c => c.SsmParameters > 0) == true)
        {
            needs.Add(new TaskNeed(
                Destination.Ssm,
                "secrets from SSM Parameter Store",
                "ResourceInitializationError: unable to pull secrets or registry auth: ... unable to retrieve secrets from ssm"));
        }

        if (placement.LaunchType == LaunchType.Ec2)
        {
            // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/vpc-endpoints.html : the container agent needs all three.
            foreach (var service in (ReadOnlySpan<string>)[Destination.EcsAgent, Destination.EcsTelemetry, Destination.Ecs])
            {
                needs.Add(new TaskNeed(service, "the ECS container agent on the container instances", "container instances fail to register or drop off the cluster (agent disconnected)"));
            }
        }

        return needs;
    }

    /// <summary>Images from registries other than private ECR: they need an internet path, endpoints cannot reach them.</summary>
    public static IReadOnlyList<string> ExternalImages(TaskPlacement placement) =>
        placement.TaskDefinition?.Containers?.Where(c => c.Registry == ImageRegistry.Other && c.Image.IsKnown).Select(c => c.Image.Shown).ToList() ?? [];

    /// <summary>
    /// Whether the platform needs ecr.api: Fargate Linux 1.4.0 or later, LATEST, any Windows Fargate version, and the
    /// EC2 launch type. Fargate 1.3.0 and older fetched the auth token over a Fargate-owned network interface.
    /// An unknown version is not held against the stack.
    /// </summary>
    public static bool NeedsEcrApi(TaskPlacement placement, string defaultPlatformVersion)
    {
        if (placement.LaunchType != LaunchType.Fargate)
        {
            return true;
        }

        if (placement.PlatformVersion.IsUnknown)
        {
            return false;
        }

        var version = placement.PlatformVersion.IsKnown ? placement.PlatformVersion.Value : defaultPlatformVersion;
        if (version.Equals("LATEST", StringComparison.OrdinalIgnoreCase) || IsWindows(placement.TaskDefinition?.Resource))
        {
            return true;
        }

        return Version.TryParse(version, out var parsed) && parsed >= new Version(1, 4, 0);
    }

    private static bool IsWindows(StackResource? taskDefinition) =>
        taskDefinition is not null
        && ResourceProperties.AsString(ResourceProperties.Field(new ResourceProperties(taskDefinition).Get("runtimePlatform"), "operatingSystemFamily"))
            .Is(f => f.StartsWith("WINDOWS", StringComparison.OrdinalIgnoreCase));
}
