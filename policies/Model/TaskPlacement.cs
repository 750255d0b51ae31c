
namespace FargateNetwork.Policies.Model;

/// <summary>
/// Where tasks run: an ECS service (<c>aws:ecs/service:Service</c>), an EventBridge rule target
/// (<c>aws:cloudwatch/eventTarget:EventTarget</c> <c>ecsTarget</c>) or an EventBridge Scheduler schedule
/// (<c>aws:scheduler/schedule:Schedule</c> <c>target.ecsParameters</c>), with its awsvpc network configuration.
/// </summary>
public sealed class TaskPlacement(StackResource resource)
{
    public StackResource Resource { get; } = resource;

    public LaunchType LaunchType { get; internal set; }

    /// <summary><c>platformVersion</c>; absent means <c>LATEST</c> (1.4.0 today).</summary>
    public Fact<string> PlatformVersion { get; internal set; }

    public List<Subnet> Subnets { get; } = [];

    /// <summary>
    /// True when some subnet is unknown or outside the stack. Such subnets are stood for by one subnet with
    /// <see cref="Subnet.IsOutside"/> in <see cref="Subnets"/>, so the checks that do not depend on routes still run.
    /// </summary>
    public bool SubnetsUnknown { get; internal set; }

    public List<SecurityGroup> SecurityGroups { get; } = [];

    /// <summary>True when some security group is unknown or outside the stack (or none is set: the VPC default group).</summary>
    public bool SecurityGroupsUnknown { get; internal set; }

    /// <summary><c>assignPublicIp</c>. Default false (<c>DISABLED</c>).</summary>
    public Fact<bool> AssignPublicIp { get; internal set; }

    public TaskDefinition? TaskDefinition { get; internal set; }

    /// <summary>
    /// <c>enableExecuteCommand</c> (service, EventBridge <c>ecsTarget</c>, Scheduler <c>ecsParameters</c>); default false.
    /// </summary>
    public Fact<bool> EnableExecuteCommand { get; internal set; }

    /// <summary><c>serviceConnectConfiguration.enabled</c> of a service; default false.</summary>
    public Fact<bool> ServiceConnect { get; internal set; }

    /// <summary>Target groups of the service's <c>loadBalancers</c>.</summary>
    public List<TargetGroup> TargetGroups { get; } = [];

    public string Name => Resource.Name;

    /// <summary>Where the model's builder put this placement in <see cref="NetworkModel.Placements"/>; -1 for one made elsewhere.</summary>
    internal int Position { get; set; } = -1;
}
