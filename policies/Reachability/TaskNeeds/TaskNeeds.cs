using FargateNetwork.Policies.Model;

namespace FargateNetwork.Policies.Reachability;

/// <summary>
/// The one model of what the tasks of a placement need from the network, from the launch type, the platform
/// version, the task definition (image registry and Region, secrets and their Region, log driver and
/// <c>awslogs-region</c>) and the placement (ECS Exec, Service Connect). Pure: no policy, report or message policy.
/// <list type="bullet">
/// <item>A private ECR image in the VPC's Region (or an image whose registry is unknown: any other registry needs the
/// internet, so an ECR path is the only one endpoints could give) needs <c>ecr.dkr</c> and S3 (layers), and
/// <c>ecr.api</c> (auth token) where the task ENI fetches it. https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html</item>
/// <item>An image from another registry (Docker Hub, <c>public.ecr.aws</c>) needs the internet.</item>
/// <item>Anything in another Region (an ECR image, a secret ARN, <c>awslogs-region</c>) needs the internet: "VPC
/// endpoints currently don't support cross-Region requests".
/// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/vpc-endpoints.html</item>
/// <item><c>awslogs</c> needs <c>logs</c>; Secrets Manager secrets and <c>repositoryCredentials</c> need
/// <c>secretsmanager</c>, SSM parameters <c>ssm</c>.</item>
/// <item>Fargate Linux platform version 1.3.0 and earlier fetched the ECR auth token and the secrets over a
/// Fargate-owned network interface outside the task's VPC; from 1.4.0 (LATEST) the task ENI does, so only then are
/// <c>ecr.api</c>, <c>secretsmanager</c> and <c>ssm</c> needed in the VPC. The image layers (<c>ecr.dkr</c>, S3) and
/// logs always went through the task ENI. https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-version-migration.html
/// (the endpoints a migration to 1.4.0 adds: ecr.api, Secrets Manager, Systems Manager);
/// ECR user guide above ("platform version 1.3.0 or earlier only require ... ecr.dkr ... and the Amazon S3 gateway").</item>
/// <item>ECS Exec (<c>enableExecuteCommand</c>) needs <c>ssmmessages</c> for the SSM agent's session channel.
/// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html</item>
/// <item>Service Connect's proxy gets its configuration through the ECS agent endpoint (<c>ecs-agent</c>; the
/// <c>serviceConnectEndpoint</c> of DiscoverPollEndpoint). The EC2 launch type's container agent needs
/// <c>ecs-agent</c>, <c>ecs-telemetry</c> and <c>ecs</c>. https://docs.aws.amazon.com/AmazonECS/latest/developerguide/vpc-endpoints.html</item>
/// </list>
/// </summary>
public static class TaskNeeds
{
    /// <param name="placement">Where the tasks run.</param>
    /// <param name="defaultPlatformVersion">The platform version assumed where the placement sets none (<c>LATEST</c>).</param>
    /// <param name="vpcRegion">The Region of the task's VPC; null when not known (then nothing counts as cross-Region).</param>
    public static IReadOnlyList<TaskNeed> Of(TaskPlacement placement, string defaultPlatformVersion, string? vpcRegion)
    {
        var needs = new List<TaskNeed>();
        void Add(TaskNeed need)
        {
            if (!needs.Any(n => n.Destination == need.Destination))
            {
                needs.Add(need);
            }
        }

        bool Other(string? region) => region is not null && vpcRegion is not null && !region.Equals(vpcRegion, StringComparison.OrdinalIgnoreCase);

        var taskEni = TaskEniFetchesSecrets(placement, defaultPlatformVersion);
        var containers = placement.TaskDefinition?.Containers;
        var localEcr = containers is null || containers.Count == 0 || containers.Any(c => c.Registry == ImageRegistry.Unknown || (c.Registry == ImageRegistry.Ecr && !Other(c.ImageRegion)));
        if (localEcr)
        {
            if (taskEni == true)
            {
                Add(new TaskNeed(
                    Destination.ForService(Destination.EcrApi),
                    "the registry auth token (platform version 1.4.0 or later)",
                    "ResourceInitializationError: unable to pull secrets or registry auth: ... unable to retrieve ecr registry auth ... dial tcp ...:443: i/o timeout"));
            }

            Add(new TaskNeed(
                Destination.ForService(Destination.EcrDkr),
                "the image manifest (Docker Registry API)",
                "CannotPullContainerError: ... There is a connection issue between the task and Amazon ECR ... i/o timeout"));
            Add(new TaskNeed(
                Destination.ForService(Destination.S3),
                "the image layers (S3 gateway endpoint on the subnet's route table)",
                "CannotPullContainerError: ... dial tcp <S3 address>:443: i/o timeout (layer download from prod-<region>-starport-layer-bucket)"));
        }

        foreach (var container in containers ?? [])
        {
            if (container.Registry == ImageRegistry.Ecr && Other(container.ImageRegion))
            {
                Add(new TaskNeed(
                    Destination.ForService(Destination.EcrDkr, container.ImageRegion!),
                    $"image {container.Image.Shown} from ECR in {container.ImageRegion} (auth token, manifest and layers; VPC endpoints serve only their own Region)",
                    "CannotPullContainerError: ... i/o timeout"));
            }
            else if (container.Registry == ImageRegistry.Other && container.Image.IsKnown)
            {
                Add(new TaskNeed(
                    Destination.Internet,
                    $"image {container.Image.Shown}, which is not in a private ECR repository (VPC endpoints cannot reach other registries)",
                    "CannotPullContainerError: ... i/o timeout"));
            }

            if (container.UsesAwslogs)
            {
                // A secret awslogs-region is compared with the VPC's Region but never printed: it shows as [secret].
                var region = container.LogRegion.IsKnown ? container.LogRegion.Value : null;
                var shown = container.LogRegion.IsSecret ? "[secret]" : region;
                var driver = container.LogDriver.IsSecret ? "the [secret] log driver" : "the awslogs log driver";
                Add(Other(region)
                    ? new TaskNeed(Destination.ForService(Destination.Logs, shown!), $"{driver} writing to {shown} (awslogs-region; VPC endpoints serve only their own Region)", "ResourceInitializationError: failed to validate logger args: ... signal: killed")
                    : new TaskNeed(Destination.ForService(Destination.Logs), driver, "ResourceInitializationError: failed to validate logger args: ... signal: killed"));
            }

            if (taskEni != true)
            {
                continue;
            }

            var remote = container.SecretRegions.Where(s => Other(s.Region)).ToList();
            foreach (var (service, region) in remote)
            {
                Add(new TaskNeed(
                    Destination.ForService(service, region),
                    $"secrets from {(service == Destination.SecretsManager ? "Secrets Manager" : "SSM Parameter Store")} in {region} (VPC endpoints serve only their own Region)",
                    "ResourceInitializationError: unable to pull secrets or registry auth: ... i/o timeout"));
            }

            if (container.SecretsManagerSecrets > remote.Count(r => r.Service == Destination.SecretsManager))
            {
                Add(new TaskNeed(
                    Destination.ForService(Destination.SecretsManager),
                    "secrets (or repositoryCredentials) from Secrets Manager",
                    "ResourceInitializationError: unable to pull secrets or registry auth: ... unable to retrieve secret from asm"));
            }

            if (container.SsmParameters > remote.Count(r => r.Service == Destination.Ssm))
            {
                Add(new TaskNeed(
                    Destination.ForService(Destination.Ssm),
                    "secrets from SSM Parameter Store",
                    "ResourceInitializationError: unable to pull secrets or registry auth: ... unable to retrieve secrets from ssm"));
            }
        }

        if (placement.EnableExecuteCommand.Is(on => on))
        {
            Add(new TaskNeed(
                Destination.ForService(Destination.SsmMessages),
                "ECS Exec (enableExecuteCommand: the SSM agent's session channel)",
                "ECS Exec fails: TargetNotConnectedException (the SSM agent in the task cannot reach ssmmessages)"));
        }

        if (placement.ServiceConnect.Is(on => on) && placement.LaunchType != LaunchType.Ec2)
        {
            Add(new TaskNeed(
                Destination.ForService(Destination.EcsAgent),
                "Service Connect (its proxy polls the ECS agent endpoint for its configuration)",
                "the Service Connect proxy gets no configuration and the task does not become healthy"));
        }

        if (placement.LaunchType == LaunchType.Ec2)
        {
            foreach (var service in (ReadOnlySpan<string>)[Destination.EcsAgent, Destination.EcsTelemetry, Destination.Ecs])
            {
                Add(new TaskNeed(Destination.ForService(service), "the ECS container agent on the container instances", "container instances fail to register or drop off the cluster (agent disconnected)"));
            }
        }

        return needs;
    }

    /// <summary>
    /// Whether the task ENI fetches the ECR auth token and the secrets: Fargate Linux 1.4.0 or later, <c>LATEST</c>,
    /// any Windows Fargate version, and the EC2 launch type (true); Fargate Linux 1.3.0 and earlier, whose platform
    /// ENI did it outside the VPC (false); a version not known yet (null: not held against the stack).
    /// </summary>
    public static bool? TaskEniFetchesSecrets(TaskPlacement placement, string defaultPlatformVersion)
    {
        if (placement.LaunchType != LaunchType.Fargate)
        {
            return true;
        }

        if (placement.PlatformVersion.IsUnknown)
        {
            return null;
        }

        var version = placement.PlatformVersion.IsKnown ? placement.PlatformVersion.Value : defaultPlatformVersion;
        if (version.Equals("LATEST", StringComparison.OrdinalIgnoreCase) || placement.TaskDefinition?.IsWindows == true)
        {
            return true;
        }

        return Version.TryParse(version, out var parsed) ? parsed >= new Version(1, 4, 0) : null;
    }
}
