using System.Text.Json;
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
                RequiresCompatibilities = compat is null
                    ? Fact<IReadOnlyList<string>>.Unknown
                    : Fact<IReadOnlyList<string>>.Of(compat.Select(c => AsString(c)).Where(c => c.IsKnown).Select(c => c.Value).ToList()),
                NetworkMode = p.Text("networkMode"),
                IsWindows = AsString(Field(p.Get("runtimePlatform"), "operatingSystemFamily")).Is(f => f.StartsWith("WINDOWS", StringComparison.OrdinalIgnoreCase)),
            };
            taskDefinitions[r] = definition;
            model.TaskDefinitions.Add(definition);
        }
    }

    private List<ContainerDefinition>? Containers(PropertyValue? value)
    {
        var raw = Unwrap(value);
        if (raw is StringValue json)
        {
            try
            {
                using var document = JsonDocument.Parse(json.Value);
                raw = FromJson(document.RootElement);
                if (value is SecretValue)
                {
                    raw = new SecretValue(raw);
                }
            }
            catch (JsonException)
            {
                return null;
            }
        }

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
            var parsedImage = image.IsKnown ? ContainerImage.Parse(image.Value) : null;
            var registry = parsedImage?.Registry ?? ImageRegistry.Unknown;
            var imageRegion = parsedImage?.Region;
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
                var service = text.Value.Contains(":secretsmanager:", StringComparison.Ordinal) ? "secretsmanager" : "ssm";
                if (service == "secretsmanager")
                {
                    secretsManager++;
                }
                else
                {
                    ssm++;
                }

                if (RegionOfArn(text.Value) is { } region)
                {
                    regions.Add((service, region));
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
                    regions.Add(("secretsmanager", region));
                }
            }
            else if (target is not null && ResourceGraph.CanonicalType(target.Type).StartsWith("aws:ssm/", StringComparison.Ordinal))
            {
                ssm++;
                if (RegionOf(target) is { } region)
                {
                    regions.Add(("ssm", region));
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
                var region = AsString(credentials) is { IsKnown: true } arn ? RegionOfArn(arn.Value) : RegionOf(graph.Resolve(credentials).Target!);
                if (region is not null)
                {
                    regions.Add(("secretsmanager", region));
                }
            }
            else
            {
                unknown = true;
            }
        }

        return (secretsManager, ssm, unknown, regions);
    }

    /// <summary>The Region of an ARN (<c>arn:PARTITION:SERVICE:REGION:ACCOUNT:...</c>); null for a name or an empty Region.</summary>
    private static string? RegionOfArn(string text)
    {
        // arn:PARTITION:SERVICE:REGION:ACCOUNT...: the part between the third and fourth colon, read in place.
        if (!text.StartsWith("arn:", StringComparison.Ordinal))
        {
            return null;
        }

        var partition = text.IndexOf(':', 4);
        var service = partition < 0 ? -1 : text.IndexOf(':', partition + 1);
        var region = service < 0 ? -1 : text.IndexOf(':', service + 1);
        return region > service + 1 ? text[(service + 1)..region] : null;
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

        return resource.Outputs?.Properties.TryGetValue("arn", out var arn) == true && Unwrap(arn) is StringValue s ? RegionOfArn(s.Value) : null;
    }

    private static PropertyValue FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => ObjectFromJson(element),
        JsonValueKind.Array => ArrayFromJson(element),
        JsonValueKind.String => new StringValue(element.GetString()!),
        JsonValueKind.Number => new NumberValue(element.GetDouble()),
        JsonValueKind.True => new BoolValue(true),
        JsonValueKind.False => new BoolValue(false),
        _ => NullValue.Instance,
    };

    /// <summary>A JSON object, its properties in order; a key given twice is refused, as a dictionary refuses it.</summary>
    private static ObjectValue ObjectFromJson(JsonElement element)
    {
        var entries = new KeyValuePair<string, PropertyValue>[element.GetPropertyCount()];
        var count = 0;
        foreach (var property in element.EnumerateObject())
        {
            for (var i = 0; i < count && i < PropertyTable<PropertyValue>.MaxEntries; i++)
            {
                if (property.NameEquals(entries[i].Key))
                {
                    throw new ArgumentException($"An item with the same key has already been added. Key: {property.Name}");
                }
            }

            entries[count++] = new(property.Name, FromJson(property.Value));
        }

        if (count > PropertyTable<PropertyValue>.MaxEntries)
        {
            var map = new Dictionary<string, PropertyValue>(count, StringComparer.Ordinal);
            foreach (var (key, value) in entries)
            {
                map.Add(key, value);
            }

            return new ObjectValue(map);
        }

        return new ObjectValue(PropertyTable<PropertyValue>.Of(entries));
    }

    private static ArrayValue ArrayFromJson(JsonElement element)
    {
        var items = new PropertyValue[element.GetArrayLength()];
        var count = 0;
        foreach (var item in element.EnumerateArray())
        {
            items[count++] = FromJson(item);
        }

        return new ArrayValue(items);
    }
}
