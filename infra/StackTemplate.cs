namespace FargateNetwork.Infra;

/// <summary>
/// The Pulumi YAML program being built: <c>name</c>, <c>resources</c> and <c>outputs</c> (no <c>config:</c> block;
/// values are baked in at compile time). Every resource gets <c>options.version</c> = <see cref="ProviderPin.AwsVersion"/>,
/// and every taggable one gets the configured tags plus a <c>Name</c>.
/// </summary>
internal sealed class StackTemplate(string projectName, IReadOnlyDictionary<string, string> tags)
{
    private readonly MapNode resources = new();
    private readonly MapNode outputs = new();

    /// <summary>Adds a resource and returns its logical name (the reference name in <c>${name.id}</c>).</summary>
    public string Add(string name, string type, MapNode properties, bool taggable = true, IEnumerable<string>? dependsOn = null)
    {
        if (resources[name] is not null)
        {
            throw new InvalidOperationException($"resource {name} added twice");
        }

        if (taggable)
        {
            var tagMap = new MapNode();
            foreach (var (key, value) in tags.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                tagMap.Set(key, value);
            }

            tagMap.Set("Name", new Expression($"${{pulumi.project}}-${{pulumi.stack}}-{name}"));
            properties.Set("tags", tagMap);
        }

        var options = new MapNode().Set("version", ProviderPin.AwsVersion);
        if (dependsOn is not null)
        {
            options.Set("dependsOn", TemplateNode.List(dependsOn.Select(d => (TemplateNode)TemplateNode.Ref(d))));
        }

        resources.Set(name, new MapNode().Set("type", type).Set("properties", properties).Set("options", options));
        return name;
    }

    public void Output(string name, TemplateNode value) => outputs.Set(name, value);

    public MapNode ToNode() => new MapNode().Set("name", projectName).Set("resources", resources).Set("outputs", outputs);
}
