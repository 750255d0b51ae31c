namespace FargateNetwork.Infra;

/// <summary>
/// Which interface endpoints the <c>private-endpoints</c> topology needs, by short name (the service name in the Region's partition comes
/// from <see cref="EndpointServiceName"/>). Fargate platform version 1.4.0+ pulling from ECR needs
/// <c>ecr.dkr</c>, <c>ecr.api</c> and the S3 gateway endpoint; <c>awslogs</c> needs <c>logs</c>; secrets need the
/// endpoint of the store that holds them (<c>secretsmanager</c> or <c>ssm</c>); ECS Exec needs <c>ssmmessages</c>
/// (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/vpc-endpoints.html,
/// https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html).
/// </summary>
internal static class EndpointServices
{
    public static IReadOnlyList<string> Interface(NetworkConfig config)
    {
        if (!NetworkPlan.Of(config).VpcEndpoints)
        {
            return [];
        }

        var names = new List<string> { "ecr.dkr", "ecr.api", "logs" };
        if (config.Workload.Secrets.Any(s => s.Store == SecretStore.SecretsManager))
        {
            names.Add("secretsmanager");
        }

        if (config.Workload.Secrets.Any(s => s.Store == SecretStore.ParameterStore))
        {
            names.Add("ssm");
        }

        if (config.Workload.EnableExecuteCommand)
        {
            names.Add("ssmmessages");
        }

        names.AddRange(config.ExtraEndpoints);
        return names.Distinct().ToList();
    }
}
