using FargateNetwork.Policies.Contract;
using StackRules;
using StackRules.Inputs;
using FargateNetwork.Policies.Pack;

namespace FargateNetwork.Infra;

/// <summary>
/// The policy pack's verdict on the compiler's own output. Before printing a template the compiler reads it back with
/// the pack's template reader and runs the pack's evaluation on it, in memory: a stack whose tasks cannot start is
/// refused (one problem per mandatory violation, naming the config key to change and a fix that works), and the
/// advisory findings become warnings. The compiler and the pack therefore cannot disagree on what a task needs.
/// </summary>
internal static class PackVerdict
{
    /// <summary>The mandatory violations of <paramref name="template"/> as config problems, and its advisories as warnings.</summary>
    public static (IReadOnlyList<ConfigProblem> Problems, IReadOnlyList<string> Warnings) Of(string template, NetworkConfig config, string? file)
    {
        var resources = StackInput.Parse(template, "compiled template", "compiled template").Resources;
        var evaluation = FargatePack.Definition.Defaults().Evaluate(resources);
        var problems = new List<ConfigProblem>();
        var warnings = new List<string>();
        foreach (var violation in evaluation.Violations)
        {
            if (violation.Level == EnforcementLevel.Mandatory)
            {
                var problem = ProblemOf(violation, config, file);
                if (!problems.Contains(problem))
                {
                    problems.Add(problem);
                }
            }
            else if (violation.Level == EnforcementLevel.Advisory)
            {
                warnings.Add($"policy {violation.Policy} ({violation.Level.Text()}) on {violation.Name}: {Masked(violation.Message, config)}");
            }
        }

        return (problems, warnings);
    }

    /// <summary>
    /// The config key behind a violation and a fix that works. The tasks' needs that the private-endpoints network
    /// cannot serve come from the workload: an image outside the Region's private ECR, or a secret in another Region
    /// (VPC endpoints serve only their own Region: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/vpc-endpoints.html).
    /// </summary>
    private static ConfigProblem ProblemOf(Violation violation, NetworkConfig config, string? file)
    {
        var region = config.Region;
        var message = violation.Message;
        var needsPath = violation.Policy == "private-fargate-subnet-endpoints";
        if (config.Topology == Topology.PrivateEndpoints && needsPath && ContainerImage.Parse(config.Workload.Image).Region != region
            && (message.Contains("ecr", StringComparison.Ordinal) || message.Contains("image", StringComparison.Ordinal)))
        {
            return new ConfigProblem(
                ConfigSource.Full("workload") + ".image",
                $"is not in a private ECR repository of {region}: the tasks run in private subnets whose only way out is the VPC endpoints, which reach only the ECR of their own Region, so the pull fails (CannotPullContainerError)",
                $"push the image to ECR in {region} (<account>.dkr.ecr.{region}.amazonaws.com/<repository>:<tag>), or set {ConfigSource.Full("topology")} to public-nat-egress so the tasks pull it through the internet gateway",
                file);
        }

        if (config.Topology == Topology.PrivateEndpoints && needsPath && config.Workload.Secrets.Any(s => SecretSource.FromValueFrom(s.ValueFrom).Region is { } r && r != region)
            && (message.Contains("secretsmanager", StringComparison.Ordinal) || message.Contains("ssm", StringComparison.Ordinal)))
        {
            return new ConfigProblem(
                ConfigSource.Full("workload") + ".secrets",
                $"names a secret outside {region}: the tasks reach Secrets Manager and SSM only through the VPC endpoints of {region}, so the task fails to start (ResourceInitializationError)",
                $"keep the secret in {region} (replicate it there and use the replica's ARN), or set {ConfigSource.Full("topology")} to public-nat-egress",
                file);
        }

        return new ConfigProblem(
            KeyOf(violation.Name),
            $"gives a stack that fails the fargate-network policy {violation.Policy} on resource {violation.Name}: {Masked(message, config)}",
            "change this key so the policy holds; if the config is valid, report the compiler bug with the config",
            file);
    }

    /// <summary>The config key that decides a compiled resource, by the resource's logical name.</summary>
    private static string KeyOf(string resource) => ConfigSource.Full(resource switch
    {
        _ when resource.StartsWith("nat-", StringComparison.Ordinal) || resource.StartsWith("fixed-egress", StringComparison.Ordinal) => "fixedEgress",
        _ when resource.StartsWith("endpoint-service", StringComparison.Ordinal) || resource.StartsWith("nlb", StringComparison.Ordinal) || resource.StartsWith("privatelink", StringComparison.Ordinal) => "privateLink",
        _ when resource.StartsWith("endpoint", StringComparison.Ordinal) => "extraEndpoints",
        _ when resource.StartsWith("vpc", StringComparison.Ordinal) || resource.Contains("subnet", StringComparison.Ordinal) => "availabilityZones",
        "service" or "task-definition" or "task" or "schedule" or "schedule-target" => "workload",
        _ => "topology",
    });

    /// <summary>
    /// The message without the workload's free-text values: Pulumi hands the compiler decrypted secrets without
    /// saying which keys are secret, so an image or an ARN is never echoed.
    /// </summary>
    private static string Masked(string message, NetworkConfig config)
    {
        var values = config.Workload.Secrets.SelectMany(s => new[] { s.ValueFrom, s.ResourceArn }).Append(config.Workload.Image);
        foreach (var value in values.Where(v => v.Length > 0).OrderByDescending(v => v.Length))
        {
            message = message.Replace(value, "[config value]", StringComparison.Ordinal);
        }

        return message;
    }
}
