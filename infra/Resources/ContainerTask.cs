using System.Globalization;

namespace FargateNetwork.Infra;

/// <summary>
/// The CloudWatch log group and the Fargate task definition (FARGATE, awsvpc, one essential container named
/// <see cref="ContainerName"/> logging with the <c>awslogs</c> driver to that group; <c>awslogs-group</c> and
/// <c>awslogs-region</c> are required options, https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html).
/// <c>containerDefinitions</c> is <c>fn::toJSON</c> of a list, so the log group's name reference resolves.
/// </summary>
internal static class ContainerTask
{
    public const string ContainerName = "app";

    /// <summary>Log retention in days (a fixed choice of this template).</summary>
    public const int LogRetentionDays = 30;

    public static (string TaskDefinition, string LogGroup) Build(StackTemplate template, NetworkConfig config, TaskRoles roles)
    {
        var workload = config.Workload;
        var logGroup = template.Add("log-group", AwsTypes.LogGroup, new MapNode().Set("retentionInDays", LogRetentionDays));

        var container = new MapNode()
            .Set("name", ContainerName)
            .Set("image", workload.Image)
            .Set("essential", true);
        if (workload.Port is { } port)
        {
            container.Set("portMappings", TemplateNode.List(new MapNode().Set("containerPort", port).Set("protocol", "tcp")));
        }

        if (workload.Secrets.Count > 0)
        {
            container.Set("secrets", TemplateNode.List(workload.Secrets.Select(s => (TemplateNode)new MapNode().Set("name", s.Name).Set("valueFrom", s.ValueFrom))));
        }

        container.Set("logConfiguration", new MapNode()
            .Set("logDriver", "awslogs")
            .Set("options", new MapNode()
                .Set("awslogs-group", TemplateNode.Ref(logGroup, "name"))
                .Set("awslogs-region", config.Region)
                .Set("awslogs-stream-prefix", ContainerName)));

        var properties = new MapNode()
            .Set("family", new Expression("${pulumi.project}-${pulumi.stack}"))
            .Set("requiresCompatibilities", TemplateNode.List("FARGATE"))
            .Set("networkMode", "awsvpc")
            .Set("cpu", workload.Cpu.ToString(CultureInfo.InvariantCulture))
            .Set("memory", workload.Memory.ToString(CultureInfo.InvariantCulture))
            .Set("executionRoleArn", TemplateNode.Ref(roles.ExecutionRole, "arn"))
            .SetIf("taskRoleArn", roles.TaskRole is null ? null : TemplateNode.Ref(roles.TaskRole, "arn"))
            .Set("containerDefinitions", TemplateNode.Call("fn::toJSON", TemplateNode.List(container)));
        var taskDefinition = template.Add("task-definition", AwsTypes.TaskDefinition, properties);
        return (taskDefinition, logGroup);
    }
}
