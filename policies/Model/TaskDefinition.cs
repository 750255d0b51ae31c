
namespace FargateNetwork.Policies.Model;

/// <summary>
/// An <c>aws:ecs/taskDefinition:TaskDefinition</c>. <c>containerDefinitions</c> is a JSON string in stack exports
/// and previews, and the container array itself in our Pulumi YAML templates (<c>fn::toJSON</c>); both are read.
/// </summary>
public sealed class TaskDefinition(StackResource resource)
{
    public StackResource Resource { get; } = resource;

    /// <summary>The containers; null when <c>containerDefinitions</c> is unknown.</summary>
    public IReadOnlyList<ContainerDefinition>? Containers { get; internal set; }

    public Fact<IReadOnlyList<string>> RequiresCompatibilities { get; internal set; }

    /// <summary><c>networkMode</c>; Fargate requires <c>awsvpc</c>.</summary>
    public Fact<string> NetworkMode { get; internal set; }

    /// <summary><c>runtimePlatform.operatingSystemFamily</c> is a Windows family.</summary>
    public bool IsWindows { get; internal set; }

    public string Name => Resource.Name;
}
