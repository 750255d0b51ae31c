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

    // The needs that do not depend on the spec: one instance each (records, immutable), not one per call.
    private static readonly TaskNeed EcrDkr = new(
        AwsService.EcrDkr,
        null,
        "the image manifest (Docker Registry API)",
        "CannotPullContainerError: ... There is a connection issue between the task and Amazon ECR ... i/o timeout");

    private static readonly TaskNeed EcrApi = new(
        AwsService.EcrApi,
        null,
        "the registry auth token (platform version 1.4.0 or later)",
        "ResourceInitializationError: unable to pull secrets or registry auth: ... unable to retrieve ecr registry auth ... dial tcp ...:443: i/o timeout");

    private static readonly TaskNeed S3Layers = new(
        AwsService.S3,
        null,
        "the image layers (S3 gateway endpoint on the subnet's route table)",
        "CannotPullContainerError: ... dial tcp <S3 address>:443: i/o timeout (layer download from prod-<region>-starport-layer-bucket)");

    private static readonly TaskNeed SsmMessages = new(
        AwsService.SsmMessages,
        null,
        "ECS Exec (enableExecuteCommand: the SSM agent's session channel)",
        "ECS Exec fails: TargetNotConnectedException (the SSM agent in the task cannot reach ssmmessages)");

    private static readonly TaskNeed ServiceConnect = new(
        AwsService.EcsAgent,
        null,
        "Service Connect (its proxy polls the ECS agent endpoint for its configuration)",
        "the Service Connect proxy gets no configuration and the task does not become healthy");

    private static readonly TaskNeed[] ContainerAgent =
    [
        .. ((string[])[AwsService.EcsAgent, AwsService.EcsTelemetry, AwsService.Ecs]).Select(service =>
            new TaskNeed(service, null, "the ECS container agent on the container instances", "container instances fail to register or drop off the cluster (agent disconnected)")),
    ];

    private const string LogsError = "ResourceInitializationError: failed to validate logger args: ... signal: killed";
    private static readonly TaskNeed Logs = new(AwsService.Logs, null, "the awslogs log driver", LogsError);
    private static readonly TaskNeed SecretLogs = new(AwsService.Logs, null, $"the {Secret} log driver", LogsError);

    private static readonly TaskNeed SecretsManager = new(
        AwsService.SecretsManager,
        null,
        "secrets (or repositoryCredentials) from Secrets Manager",
        "ResourceInitializationError: unable to pull secrets or registry auth: ... unable to retrieve secret from asm");

    private static readonly TaskNeed Ssm = new(
        AwsService.Ssm,
        null,
        "secrets from SSM Parameter Store",
        "ResourceInitializationError: unable to pull secrets or registry auth: ... unable to retrieve secrets from ssm");

    /// <summary>What the tasks of <paramref name="spec"/> need, each destination once, in a stable order.</summary>
    public static IReadOnlyList<TaskNeed> Of(TaskSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var needs = new List<TaskNeed>();
        var taskEni = spec.TaskEniFetchesSecrets;
        var containers = spec.Containers;
        if (PullsFromLocalEcr(spec))
        {
            AddEcrPull(needs, taskEni);
        }

        foreach (var container in containers ?? [])
        {
            AddImage(needs, spec, container.Image);
            AddLogs(needs, spec, container);
            if (taskEni == true)
            {
                AddSecrets(needs, spec, container.Secrets);
            }
        }

        if (spec.ExecuteCommand == Switch.On)
        {
            Add(needs, SsmMessages);
        }

        if (spec.ServiceConnect == Switch.On && spec.LaunchType != LaunchType.Ec2)
        {
            Add(needs, ServiceConnect);
        }

        if (spec.LaunchType == LaunchType.Ec2)
        {
            foreach (var need in ContainerAgent)
            {
                Add(needs, need);
            }
        }

        return needs;
    }

    /// <summary>Adds <paramref name="need"/> unless a need of the same service and Region is there already.</summary>
    private static void Add(List<TaskNeed> needs, TaskNeed need)
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

    /// <summary>
    /// Whether some image comes from ECR in the VPC's Region (or from a registry not known: an ECR path is the only one
    /// endpoints could give), or the spec names no containers.
    /// </summary>
    private static bool PullsFromLocalEcr(TaskSpec spec)
    {
        if (spec.Containers is not { Count: > 0 } containers)
        {
            return true;
        }

        foreach (var c in containers)
        {
            if (c.Image.Registry == ImageRegistry.Unknown || (c.Image.Registry == ImageRegistry.Ecr && !spec.IsOtherRegion(c.Image.Region)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A pull from ECR in the VPC's Region: the manifest, the auth token (through the task ENI only), the layers. (The
    /// compiler creates the interface endpoints in this order, so ecr.dkr comes before ecr.api.)
    /// </summary>
    private static void AddEcrPull(List<TaskNeed> needs, bool? taskEni)
    {
        Add(needs, EcrDkr);
        if (taskEni == true)
        {
            Add(needs, EcrApi);
        }

        Add(needs, S3Layers);
    }

    /// <summary>An image that only the internet serves: ECR in another Region, or another registry.</summary>
    private static void AddImage(List<TaskNeed> needs, TaskSpec spec, ContainerImage image)
    {
        if (image.Registry == ImageRegistry.Ecr && spec.IsOtherRegion(image.Region))
        {
            Add(needs, new TaskNeed(
                AwsService.EcrDkr,
                image.Region,
                $"image {image.Shown} from ECR in {image.Region} (auth token, manifest and layers; VPC endpoints serve only their own Region)",
                "CannotPullContainerError: ... i/o timeout"));
        }
        else if (image.Registry == ImageRegistry.Other)
        {
            Add(needs, new TaskNeed(
                null,
                null,
                $"image {image.Shown}, which is not in a private ECR repository (VPC endpoints cannot reach other registries)",
                "CannotPullContainerError: ... i/o timeout"));
        }
    }

    /// <summary>The awslogs driver: <c>logs</c> in <c>awslogs-region</c> (shown as [secret] when it is a secret).</summary>
    private static void AddLogs(List<TaskNeed> needs, TaskSpec spec, ContainerSpec container)
    {
        if (container.Awslogs != Switch.On)
        {
            return;
        }

        var region = container.AwslogsRegion;
        if (spec.IsOtherRegion(region))
        {
            var driver = container.LogDriverIsSecret ? $"the {Secret} log driver" : "the awslogs log driver";
            var shown = container.AwslogsRegionIsSecret ? Secret : region;
            Add(needs, new TaskNeed(AwsService.Logs, shown, $"{driver} writing to {shown} (awslogs-region; VPC endpoints serve only their own Region)", LogsError));
        }
        else
        {
            Add(needs, container.LogDriverIsSecret ? SecretLogs : Logs);
        }
    }

    /// <summary>Secrets fetched through the task ENI: each store in the VPC's Region, and each other Region's store.</summary>
    private static void AddSecrets(List<TaskNeed> needs, TaskSpec spec, IReadOnlyList<SecretSource> secrets)
    {
        bool secretsManager = false, parameterStore = false;
        foreach (var secret in secrets)
        {
            if (spec.IsOtherRegion(secret.Region))
            {
                Add(needs, new TaskNeed(
                    secret.Service,
                    secret.Region,
                    $"secrets from {(secret.Store == SecretStore.SecretsManager ? "Secrets Manager" : "SSM Parameter Store")} in {secret.Region} (VPC endpoints serve only their own Region)",
                    "ResourceInitializationError: unable to pull secrets or registry auth: ... i/o timeout"));
            }
            else
            {
                secretsManager |= secret.Store == SecretStore.SecretsManager;
                parameterStore |= secret.Store == SecretStore.ParameterStore;
            }
        }

        if (secretsManager)
        {
            Add(needs, SecretsManager);
        }

        if (parameterStore)
        {
            Add(needs, Ssm);
        }
    }
}
