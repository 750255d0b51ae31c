namespace FargateNetwork.Infra;

/// <summary>
/// A task run on a schedule (e.g. every 10 minutes): an EventBridge rule with the schedule expression, an ECS target
/// (FARGATE, the task network), and a role EventBridge assumes (<c>events.amazonaws.com</c>) with <c>ecs:RunTask</c> on the
/// task definition's revisions in this cluster and <c>iam:PassRole</c> on the task's roles
/// (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/CWE_IAM_role.html). The target passes
/// <c>enableExecuteCommand</c> to RunTask (pulumi-aws <c>EventTargetEcsTarget.enableExecuteCommand</c>). This template
/// uses EventBridge rules, not EventBridge Scheduler, so the Scheduler's <c>ecsParameters.enableExecuteCommand</c> does
/// not apply.
/// </summary>
internal static class ScheduledRun
{
    public static string Build(StackTemplate template, NetworkConfig config, VpcLayout layout, string cluster, string taskDefinition, string securityGroup, TaskRoles roles)
    {
        var role = template.Add("schedule-role", AwsTypes.Role, new MapNode()
            .Set("description", "EventBridge runs the scheduled ECS task")
            .Set("assumeRolePolicy", IamPolicy.AssumedBy("events.amazonaws.com")));
        var passRoles = new List<TemplateNode> { TemplateNode.Ref(roles.ExecutionRole, "arn") };
        if (roles.TaskRole is not null)
        {
            passRoles.Add(TemplateNode.Ref(roles.TaskRole, "arn"));
        }

        template.Add("schedule-role-policy", AwsTypes.RolePolicy, new MapNode()
            .Set("role", TemplateNode.Ref(role, "name"))
            .Set("policy", IamPolicy.Document(
                IamPolicy.Allow(["ecs:RunTask"], [new Expression($"${{{taskDefinition}.arnWithoutRevision}}:*")])
                    .Set("Condition", new MapNode().Set("ArnEquals", new MapNode().Set("ecs:cluster", TemplateNode.Ref(cluster, "arn")))),
                IamPolicy.Allow(["iam:PassRole"], passRoles))), taggable: false);

        var rule = template.Add("schedule-rule", AwsTypes.EventRule, new MapNode()
            .Set("description", "Runs the Fargate task on a schedule")
            .Set("scheduleExpression", config.Workload.Schedule!));
        return template.Add("schedule-target", AwsTypes.EventTarget, new MapNode()
            .Set("rule", TemplateNode.Ref(rule, "name"))
            .Set("arn", TemplateNode.Ref(cluster, "arn"))
            .Set("roleArn", TemplateNode.Ref(role, "arn"))
            .Set("ecsTarget", new MapNode()
                .Set("taskDefinitionArn", TemplateNode.Ref(taskDefinition, "arn"))
                .Set("taskCount", 1)
                .Set("launchType", "FARGATE")
                .Set("platformVersion", config.Workload.PlatformVersion)
                // Without it RunTask starts the task with Exec off, though the task role allows it.
                .Set("enableExecuteCommand", config.Workload.EnableExecuteCommand)
                .Set("networkConfiguration", TaskNetwork.Configuration(config, layout, securityGroup))), taggable: false);
    }
}
