namespace FargateNetwork.Aws;

/// <summary>
/// The one model of what a task needs from the network to start, from its <see cref="TaskSpec"/>: the launch type, the
/// platform version, the task definition (image registry and Region, secrets and their Region, log driver and
/// <c>awslogs-region</c>), ECS Exec and Service Connect. Pure: no policy, report or message policy. The policy pack
/// checks stacks against it; the compiler creates the endpoints it names.
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
/// logs always went through the task ENI (<see cref="PlatformVersion"/>).</item>
/// <item>ECS Exec (<c>enableExecuteCommand</c>) needs <c>ssmmessages</c> for the SSM agent's session channel.
/// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html</item>
/// <item>Service Connect's proxy gets its configuration through the ECS agent endpoint (<c>ecs-agent</c>; the
/// <c>serviceConnectEndpoint</c> of DiscoverPollEndpoint). The EC2 launch type's container agent needs
/// <c>ecs-agent</c>, <c>ecs-telemetry</c> and <c>ecs</c>. https://docs.aws.amazon.com/AmazonECS/latest/developerguide/vpc-endpoints.html</item>
/// </list>
/// </summary>
public static class TaskNeeds
{
    private const string Secret = "[secret]";

    /// <summary>What the tasks of <paramref name="spec"/> need, each destination once, in a stable order.</summary>
    public static IReadOnlyList<TaskNeed> Of(TaskSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var needs = new List<TaskNeed>();
        void Add(TaskNeed need)
        {
            foreach (var n in needs)
            {
                if (n.Service == need.Service && n.Region == need.Region)
                {
                    return;
                }
            }

            needs.Add(need);
        }

        var taskEni = spec.TaskEniFetchesSecrets;
        var containers = spec.Containers;
        var localEcr = containers is null || containers.Count == 0
            || containers.Any(c => c.Image.Registry == ImageRegistry.Unknown || (c.Image.Registry == ImageRegistry.Ecr && !spec.IsOtherRegion(c.Image.Region)));
        if (localEcr)
        {
            AddEcrPull(Add, taskEni);
        }

        foreach (var container in containers ?? [])
        {
            AddImage(Add, spec, container.Image);
            AddLogs(Add, spec, container);
            if (taskEni == true)
            {
                AddSecrets(Add, spec, container.Secrets);
            }
        }

        if (spec.ExecuteCommand == Switch.On)
        {
            Add(new TaskNeed(
                AwsService.SsmMessages,
                null,
                "ECS Exec (enableExecuteCommand: the SSM agent's session channel)",
                "ECS Exec fails: TargetNotConnectedException (the SSM agent in the task cannot reach ssmmessages)"));
        }

        if (spec.ServiceConnect == Switch.On && spec.LaunchType != LaunchType.Ec2)
        {
            Add(new TaskNeed(
                AwsService.EcsAgent,
                null,
                "Service Connect (its proxy polls the ECS agent endpoint for its configuration)",
                "the Service Connect proxy gets no configuration and the task does not become healthy"));
        }

        if (spec.LaunchType == LaunchType.Ec2)
        {
            foreach (var service in (ReadOnlySpan<string>)[AwsService.EcsAgent, AwsService.EcsTelemetry, AwsService.Ecs])
            {
                Add(new TaskNeed(service, null, "the ECS container agent on the container instances", "container instances fail to register or drop off the cluster (agent disconnected)"));
            }
        }

        return needs;
    }

    /// <summary>
    /// A pull from ECR in the VPC's Region: the manifest, the auth token (through the task ENI only), the layers. (The
    /// compiler creates the interface endpoints in this order, so ecr.dkr comes before ecr.api.)
    /// </summary>
    private static void AddEcrPull(Action<TaskNeed> add, bool? taskEni)
    {
        add(new TaskNeed(
            AwsService.EcrDkr,
            null,
            "the image manifest (Docker Registry API)",
            "CannotPullContainerError: ... There is a connection issue between the task and Amazon ECR ... i/o timeout"));

        if (taskEni == true)
        {
            add(new TaskNeed(
                AwsService.EcrApi,
                null,
                "the registry auth token (platform version 1.4.0 or later)",
                "ResourceInitializationError: unable to pull secrets or registry auth: ... unable to retrieve ecr registry auth ... dial tcp ...:443: i/o timeout"));
        }

        add(new TaskNeed(
            AwsService.S3,
            null,
            "the image layers (S3 gateway endpoint on the subnet's route table)",
            "CannotPullContainerError: ... dial tcp <S3 address>:443: i/o timeout (layer download from prod-<region>-starport-layer-bucket)"));
    }

    /// <summary>An image that only the internet serves: ECR in another Region, or another registry.</summary>
    private static void AddImage(Action<TaskNeed> add, TaskSpec spec, ContainerImage image)
    {
        if (image.Registry == ImageRegistry.Ecr && spec.IsOtherRegion(image.Region))
        {
            add(new TaskNeed(
                AwsService.EcrDkr,
                image.Region,
                $"image {image.Shown} from ECR in {image.Region} (auth token, manifest and layers; VPC endpoints serve only their own Region)",
                "CannotPullContainerError: ... i/o timeout"));
        }
        else if (image.Registry == ImageRegistry.Other)
        {
            add(new TaskNeed(
                null,
                null,
                $"image {image.Shown}, which is not in a private ECR repository (VPC endpoints cannot reach other registries)",
                "CannotPullContainerError: ... i/o timeout"));
        }
    }

    /// <summary>The awslogs driver: <c>logs</c> in <c>awslogs-region</c> (shown as [secret] when it is a secret).</summary>
    private static void AddLogs(Action<TaskNeed> add, TaskSpec spec, ContainerSpec container)
    {
        if (container.Awslogs != Switch.On)
        {
            return;
        }

        const string Error = "ResourceInitializationError: failed to validate logger args: ... signal: killed";
        var driver = container.LogDriverIsSecret ? $"the {Secret} log driver" : "the awslogs log driver";
        var region = container.AwslogsRegion;
        if (spec.IsOtherRegion(region))
        {
            var shown = container.AwslogsRegionIsSecret ? Secret : region;
            add(new TaskNeed(AwsService.Logs, shown, $"{driver} writing to {shown} (awslogs-region; VPC endpoints serve only their own Region)", Error));
        }
        else
        {
            add(new TaskNeed(AwsService.Logs, null, driver, Error));
        }
    }

    /// <summary>Secrets fetched through the task ENI: each store in the VPC's Region, and each other Region's store.</summary>
    private static void AddSecrets(Action<TaskNeed> add, TaskSpec spec, IReadOnlyList<SecretSource> secrets)
    {
        foreach (var remote in secrets.Where(s => spec.IsOtherRegion(s.Region)))
        {
            add(new TaskNeed(
                remote.Service,
                remote.Region,
                $"secrets from {(remote.Store == SecretStore.SecretsManager ? "Secrets Manager" : "SSM Parameter Store")} in {remote.Region} (VPC endpoints serve only their own Region)",
                "ResourceInitializationError: unable to pull secrets or registry auth: ... i/o timeout"));
        }

        var local = secrets.Where(s => !spec.IsOtherRegion(s.Region)).ToList();
        if (local.Any(s => s.Store == SecretStore.SecretsManager))
        {
            add(new TaskNeed(
                AwsService.SecretsManager,
                null,
                "secrets (or repositoryCredentials) from Secrets Manager",
                "ResourceInitializationError: unable to pull secrets or registry auth: ... unable to retrieve secret from asm"));
        }

        if (local.Any(s => s.Store == SecretStore.ParameterStore))
        {
            add(new TaskNeed(
                AwsService.Ssm,
                null,
                "secrets from SSM Parameter Store",
                "ResourceInitializationError: unable to pull secrets or registry auth: ... unable to retrieve secrets from ssm"));
        }
    }
}
