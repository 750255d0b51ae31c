namespace FargateNetwork.Infra;

/// <summary>
/// Which VPC endpoints the <c>private-endpoints</c> topology creates, by short name (the service name in the Region's
/// partition comes from <see cref="EndpointServiceName"/>): those the workload's tasks need in the stack's Region, as
/// the core's task-needs model says (<see cref="TaskNeeds"/>, the model the policy pack checks stacks with), plus
/// <c>extraEndpoints</c>. So the compiler and the pack cannot disagree on what a task needs.
/// </summary>
internal static class EndpointServices
{
    /// <summary>
    /// The workload's tasks as the task-needs model reads them, from what <see cref="ContainerTask"/> and the service or
    /// the schedule emit: FARGATE with the configured platform version, Linux, one container with the image, the
    /// secrets and the <c>awslogs</c> driver writing to the stack's Region, ECS Exec as configured, no Service Connect.
    /// </summary>
    public static TaskSpec TaskOf(NetworkConfig config)
    {
        var workload = config.Workload;
        var container = new ContainerSpec(ContainerImage.Parse(workload.Image))
        {
            Awslogs = Switch.On,
            AwslogsRegion = config.Region,
            Secrets = workload.Secrets.Select(s => SecretSource.FromValueFrom(s.ValueFrom)).ToList(),
        };
        return new TaskSpec
        {
            LaunchType = LaunchType.Fargate,
            PlatformVersion = PlatformVersion.Of(workload.PlatformVersion),
            Containers = [container],
            ExecuteCommand = workload.EnableExecuteCommand ? Switch.On : Switch.Off,
            ServiceConnect = Switch.Off,
            VpcRegion = config.Region,
        };
    }

    /// <summary>The interface endpoints: the tasks' needs in the order of the model, then <c>extraEndpoints</c>.</summary>
    public static IReadOnlyList<string> Interface(NetworkConfig config) =>
        NetworkPlan.Of(config).VpcEndpoints ? Needed(config, EndpointKind.Interface).Concat(config.ExtraEndpoints).Distinct().ToList() : [];

    /// <summary>The gateway endpoints: S3 when the tasks pull from the Region's ECR (the image layers).</summary>
    public static IReadOnlyList<string> Gateway(NetworkConfig config) =>
        NetworkPlan.Of(config).VpcEndpoints ? Needed(config, EndpointKind.Gateway).ToList() : [];

    private static IEnumerable<string> Needed(NetworkConfig config, EndpointKind kind) =>
        TaskNeeds.Of(TaskOf(config)).Where(n => n.Endpoint == kind).Select(n => n.LocalService!);
}
