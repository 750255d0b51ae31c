namespace FargateNetwork.Infra;

/// <summary>
/// The task execution role (assumed by <c>ecs-tasks.amazonaws.com</c>; <c>AmazonECSTaskExecutionRolePolicy</c> for ECR
/// pulls and log streams; read access to exactly the configured secret ARNs: <c>secretsmanager:GetSecretValue</c> /
/// <c>ssm:GetParameters</c>, https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar.html) and, with
/// ECS Exec, the task role with the four <c>ssmmessages</c> channel actions
/// (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html).
/// </summary>
internal sealed record TaskRoles(string ExecutionRole, string? TaskRole)
{
    public const string ExecutionPolicyArn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy";

    public static TaskRoles Build(StackTemplate template, NetworkConfig config)
    {
        var execution = template.Add("execution-role", AwsTypes.Role, new MapNode()
            .Set("description", "ECS task execution role: image pulls, log streams and the configured secrets")
            .Set("assumeRolePolicy", IamPolicy.AssumedBy("ecs-tasks.amazonaws.com")));
        template.Add("execution-role-managed-policy", AwsTypes.RolePolicyAttachment, new MapNode()
            .Set("role", TemplateNode.Ref(execution, "name"))
            .Set("policyArn", ExecutionPolicyArn), taggable: false);

        var secrets = config.Workload.Secrets;
        if (secrets.Count > 0)
        {
            var statements = new List<MapNode>();
            var manager = secrets.Where(s => s.Store == SecretStore.SecretsManager).Select(s => s.ResourceArn).Distinct().ToList();
            if (manager.Count > 0)
            {
                statements.Add(IamPolicy.Allow(["secretsmanager:GetSecretValue"], manager.Select(a => (TemplateNode)a)));
            }

            var parameters = secrets.Where(s => s.Store == SecretStore.ParameterStore).Select(s => s.ResourceArn).Distinct().ToList();
            if (parameters.Count > 0)
            {
                statements.Add(IamPolicy.Allow(["ssm:GetParameters"], parameters.Select(a => (TemplateNode)a)));
            }

            template.Add("execution-role-secrets-policy", AwsTypes.RolePolicy, new MapNode()
                .Set("role", TemplateNode.Ref(execution, "name"))
                .Set("policy", IamPolicy.Document([.. statements])), taggable: false);
        }

        string? taskRole = null;
        if (config.Workload.EnableExecuteCommand)
        {
            taskRole = template.Add("task-role", AwsTypes.Role, new MapNode()
                .Set("description", "ECS task role: ECS Exec (Session Manager channels)")
                .Set("assumeRolePolicy", IamPolicy.AssumedBy("ecs-tasks.amazonaws.com")));
            template.Add("task-role-exec-policy", AwsTypes.RolePolicy, new MapNode()
                .Set("role", TemplateNode.Ref(taskRole, "name"))
                .Set("policy", IamPolicy.Document(IamPolicy.Allow(
                    ["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"],
                    ["*"]))), taggable: false);
        }

        return new TaskRoles(execution, taskRole);
    }
}
