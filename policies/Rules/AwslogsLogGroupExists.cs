using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Pack;

namespace FargateNetwork.Policies.Rules;

/// <summary>
/// <c>awslogs-log-group-exists</c> [advisory]: every <c>awslogs-group</c> is created in the stack
/// (<c>aws:cloudwatch/logGroup:LogGroup</c> with that name) or the container sets <c>awslogs-create-group</c> to
/// <c>"true"</c> (which also needs <c>logs:CreateLogGroup</c> on the execution role).
/// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html
/// </summary>
public sealed class AwslogsLogGroupExists : NetworkPolicy
{
    public const string Id = "awslogs-log-group-exists";

    public AwslogsLogGroupExists()
        : base(
            Id,
            "awslogs log groups exist",
            "Every awslogs-group of a task definition is a log group created in the stack, or the container sets awslogs-create-group.",
            EnforcementLevel.Advisory,
            PolicySchema.Empty())
    {
    }

    public override IEnumerable<Finding> Check(PolicyContext context, PolicySettings settings)
    {
        // A log group whose name is unknown or generated (namePrefix, auto-name) may be the one: nothing is reported then.
        if (context.Model.LogGroups.Any(g => !g.Name.IsKnown))
        {
            yield break;
        }

        var names = context.Model.LogGroups.Select(g => g.Name.Value).ToHashSet(StringComparer.Ordinal);
        foreach (var definition in context.Model.TaskDefinitions)
        {
            foreach (var container in definition.Containers ?? [])
            {
                if (!container.UsesAwslogs || !container.LogGroup.IsKnown || container.CreateLogGroup.Is(c => c) || !container.CreateLogGroup.IsKnown)
                {
                    continue;
                }

                if (!names.Contains(container.LogGroup.Value))
                {
                    yield return new Finding(
                        definition.Resource,
                        $"Container {container.Name} of task definition {definition.Name} logs to {(container.LogDriver.IsSecret ? "[secret]" : "awslogs")} group {container.LogGroup.Shown}, which the stack does not create and awslogs-create-group is not \"true\": the task fails with \"ResourceInitializationError: failed to validate logger args: ... ResourceNotFoundException: The specified log group does not exist.\" Fix: add an aws:cloudwatch/logGroup:LogGroup named {container.LogGroup.Shown}, or set awslogs-create-group: \"true\" and grant logs:CreateLogGroup to the execution role.");
                }
            }
        }
    }
}
