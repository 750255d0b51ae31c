using System.Text.Json;
using StackRules.Inputs;
using static StackRules.ResourceProperties;

namespace FargateNetwork.Policies.Model;

/// <summary>The model builder's reader of task definitions and what their containers need (registry and Region, logs, secrets and their Regions).</summary>
internal sealed partial class NetworkModelBuilder
{
    private void AddTaskDefinitions()
    {
        foreach (var r in graph.OfType(AwsTypes.TaskDefinition))
        {
            var p = new ResourceProperties(r);
            var compat = AsList(p.Get("requiresCompatibilities"));
            var definition = new TaskDefinition(r)
            {
                Containers = Containers(p.Get("containerDefinitions")),
                RequiresCompatibilities = compat is null ? Fact<IReadOnlyList<string>>.Unknown : Fact<IReadOnlyList<string>>.Of(KnownTexts(compat)),
                NetworkMode = p.Text("networkMode"),
                IsWindows = AsString(Field(p.Get("runtimePlatform"), "operatingSystemFamily")).Is(f => f.StartsWith("WINDOWS", StringComparison.OrdinalIgnoreCase)),
            };
            taskDefinitions[r] = definition;
            model.TaskDefinitions.Add(definition);
        }
    }

    /// <summary>The known texts of a list, in order (an unknown or non-text item left out).</summary>
    private static List<string> KnownTexts(IReadOnlyList<PropertyValue> items)
    {
        var texts = new List<string>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (AsString(items[i]) is { IsKnown: true } text)
            {
                texts.Add(text.Value);
            }
        }

        return texts;
    }

    private List<ContainerDefinition>? Containers(PropertyValue? value)
    {
        var raw = Unwrap(value);
        if (raw is StringValue json)
        {
            // The same JSON (copies of one service, a definition per environment) read once per build: what it
            // gives depends only on its text, whether it is secret, and this build's graph.
            var read = value is SecretValue ? secretContainerJson ??= new(StringComparer.Ordinal) : containerJson ??= new(StringComparer.Ordinal);
            if (!read.TryGetValue(json.Value, out var containers))
            {
                read[json.Value] = containers = ContainersOfJson(value, json);
            }

            return containers;
        }

        return ContainersOf(value, raw);
    }

    private List<ContainerDefinition>? ContainersOfJson(PropertyValue? value, StringValue json)
    {
        PropertyValue? raw;
        try
        {
            using var document = JsonDocument.Parse(json.Value);
            raw = ContainerJson.Read(document.RootElement);
            if (value is SecretValue)
            {
                raw = new SecretValue(raw);
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return ContainersOf(value, raw);
    }

    private List<ContainerDefinition>? ContainersOf(PropertyValue? value, PropertyValue? raw)
    {
        if (raw is not (ArrayValue or SecretValue { Inner: ArrayValue }))
        {
            return raw is null ? [] : null;
        }

        var containers = new List<ContainerDefinition>();
        foreach (var item in AsList(value is SecretValue && raw is ArrayValue ? new SecretValue(raw) : raw)!)
        {
            if (Unwrap(item) is not ObjectValue)
            {
                return null;
            }

            var container = item;
            var imageValue = Field(container, "image");
            var image = AsString(imageValue);
            var registry = ContainerDefinition.Classify(image);
            var imageRegion = ContainerDefinition.EcrRegion(image);
            if (registry == ImageRegistry.Unknown && graph.Resolve(imageValue).Target is { } repository && ResourceGraph.CanonicalType(repository.Type) == "aws:ecr/repository:Repository")
            {
                registry = ImageRegistry.Ecr;
                imageRegion = RegionOf(repository);
            }

            var logConfiguration = Field(container, "logConfiguration");
            var options = Field(logConfiguration, "options");
            var (secretsManager, ssm, unknown, secretRegions) = SecretSources(container);
            containers.Add(new ContainerDefinition(
                AsString(Field(container, "name")) is { IsKnown: true } n ? n.Shown : "(unnamed)",
                image,
                registry,
                AsString(Field(logConfiguration, "logDriver")),
                AsString(Field(options, "awslogs-group")),
                AsBool(Field(options, "awslogs-create-group")).OrDefault(false),
                secretsManager,
                ssm,
                unknown)
            {
                ImageRegion = imageRegion,
                SecretRegions = secretRegions,
                LogRegion = AsString(Field(options, "awslogs-region")),
            });
        }

        return containers;
    }

    /// <summary>
    /// Counts secrets by store. <c>valueFrom</c> is a Secrets Manager ARN, an SSM parameter ARN, or a parameter name
    /// (same Region). <c>repositoryCredentials.credentialsParameter</c> is a Secrets Manager secret.
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html
    /// </summary>
    private (int SecretsManager, int Ssm, bool Unknown, List<(string Service, string Region)> Regions) SecretSources(PropertyValue container)
    {
        int secretsManager = 0, ssm = 0;
        var unknown = false;
        var regions = new List<(string Service, string Region)>();
        void Classify(PropertyValue? valueFrom)
        {
            var text = AsString(valueFrom);
            if (text.IsKnown)
            {
                var source = SecretSource.FromValueFrom(text.Value);
                if (source.Store == SecretStore.SecretsManager)
                {
                    secretsManager++;
                }
                else
                {
                    ssm++;
                }

                if (source.Region is { } region)
                {
                    regions.Add((source.Service, region));
                }

                return;
            }

            if (text.IsAbsent)
            {
                return;
            }

            var target = graph.Resolve(valueFrom).Target;
            if (target is not null && ResourceGraph.CanonicalType(target.Type).StartsWith("aws:secretsmanager/", StringComparison.Ordinal))
            {
                secretsManager++;
                if (RegionOf(target) is { } region)
                {
                    regions.Add((AwsService.SecretsManager, region));
                }
            }
            else if (target is not null && ResourceGraph.CanonicalType(target.Type).StartsWith("aws:ssm/", StringComparison.Ordinal))
            {
                ssm++;
                if (RegionOf(target) is { } region)
                {
                    regions.Add((AwsService.Ssm, region));
                }
            }
            else
            {
                unknown = true;
            }
        }

        var secrets = AsList(Field(container, "secrets"));
        if (secrets is null)
        {
            unknown = true;
        }
        else
        {
            foreach (var secret in secrets)
            {
                Classify(Field(secret, "valueFrom"));
            }
        }

        var credentials = Field(Field(container, "repositoryCredentials"), "credentialsParameter");
        if (credentials is not null)
        {
            if (AsString(credentials).IsKnown || graph.Resolve(credentials).Target is not null)
            {
                secretsManager++;
                var region = AsString(credentials) is { IsKnown: true } arn ? AwsArn.RegionOf(arn.Value) : RegionOf(graph.Resolve(credentials).Target!);
                if (region is not null)
                {
                    regions.Add((AwsService.SecretsManager, region));
                }
            }
            else
            {
                unknown = true;
            }
        }

        return (secretsManager, ssm, unknown, regions);
    }

    /// <summary>
    /// The Region of a resource of the stack: its <c>region</c> input (pulumi-aws 7 lets any resource set one), else
    /// the Region of its <c>arn</c> output; null when neither says (the provider's Region).
    /// </summary>
    private static string? RegionOf(StackResource resource)
    {
        if (new ResourceProperties(resource).Text("region") is { IsKnown: true, IsSecret: false } region)
        {
            return region.Value;
        }

        return resource.Outputs?.Properties.TryGetValue("arn", out var arn) == true && Unwrap(arn) is StringValue s ? AwsArn.RegionOf(s.Value) : null;
    }
}
