namespace FargateNetwork.Aws;

/// <summary>
/// A task setting that is on or off (ECS Exec, Service Connect, the <c>awslogs</c> log driver), or that the reader
/// cannot see (a preview's unknown value, an unresolved reference). An unknown setting adds no need: what is not known
/// is never held against a stack.
/// </summary>
public enum Switch
{
    Off,
    On,
    Unknown,
}
