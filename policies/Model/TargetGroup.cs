
namespace FargateNetwork.Policies.Model;

/// <summary>An <c>aws:lb/targetGroup:TargetGroup</c>.</summary>
public sealed class TargetGroup(StackResource resource)
{
    public StackResource Resource { get; } = resource;

    /// <summary><c>targetType</c>: <c>instance</c> (default), <c>ip</c>, <c>lambda</c>, <c>alb</c>.</summary>
    public Fact<string> TargetType { get; internal set; }

    /// <summary>Services that register tasks in it.</summary>
    public List<TaskPlacement> Services { get; } = [];

    public string Name => Resource.Name;
}
