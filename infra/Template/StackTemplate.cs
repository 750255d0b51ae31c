namespace FargateNetwork.Infra;

/// <summary>
/// The Pulumi YAML program being built: <c>name</c>, <c>resources</c> and <c>outputs</c>. Validated values are baked
/// in at compile time; tag values are references to the stack's config (no <c>config:</c> block is printed: a declared
/// <c>type</c> would conflict with a secret stack value, whose type Pulumi YAML reports as <c>secret&lt;object&gt;</c>). Every resource gets <c>options.version</c> = <see cref="ProviderPin.AwsVersion"/>,
/// and every taggable one gets the configured tags plus a <c>Name</c>.
/// </summary>
internal sealed class StackTemplate(string projectName, IReadOnlyList<ConfigTag> tags)
{
    private readonly MapNode resources = new();
    private readonly MapNode outputs = new();

    /// <summary>Adds a resource and returns its logical name (the reference name in <c>${name.id}</c>).</summary>
    /// <param name="keep">Protect the resource and keep it in AWS when it leaves the stack (<c>protect</c>, <c>retainOnDelete</c>).</param>
    /// <param name="deleteBeforeReplace">Delete the old resource before creating its replacement (for a resource that holds something unique, such as an EIP association).</param>
    public string Add(string name, string type, MapNode properties, bool taggable = true, IEnumerable<string>? dependsOn = null, bool keep = false, bool deleteBeforeReplace = false)
    {
        if (resources[name] is not null)
        {
            throw new InvalidOperationException($"resource {name} added twice");
        }

        if (taggable)
        {
            var tagMap = new MapNode();
            foreach (var tag in tags)
            {
                tagMap.Set(tag.Key, tag.ToTemplate());
            }

            tagMap.Set("Name", new Expression($"${{pulumi.project}}-${{pulumi.stack}}-{name}"));
            properties.Set("tags", tagMap);
        }

        var options = new MapNode().Set("version", ProviderPin.AwsVersion);
        if (dependsOn is not null)
        {
            options.Set("dependsOn", TemplateNode.List(dependsOn.Select(d => (TemplateNode)TemplateNode.Ref(d))));
        }

        if (keep)
        {
            options.Set("protect", true).Set("retainOnDelete", true);
        }

        if (deleteBeforeReplace)
        {
            options.Set("deleteBeforeReplace", true);
        }

        resources.Set(name, new MapNode().Set("type", type).Set("properties", properties).Set("options", options));
        return name;
    }

    public void Output(string name, TemplateNode value) => outputs.Set(name, value);

    public MapNode ToNode() => new MapNode().Set("name", projectName).Set("resources", resources).Set("outputs", outputs);
}
