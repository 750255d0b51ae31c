namespace FargateNetwork.Infra;

/// <summary>What a tag's config value is, which decides how the template refers to it.</summary>
internal enum ConfigTagValue
{
    /// <summary>A string: <c>${tags["key"]}</c>.</summary>
    Text,

    /// <summary>A number or boolean: <c>fn::toJSON</c> of the reference, so AWS gets text.</summary>
    Scalar,

    /// <summary>Empty or null: the literal empty string (AWS accepts an empty tag value, not a null one).</summary>
    Empty,
}

/// <summary>
/// One entry of <c>fargate-network:tags</c>: its key, and how the template reads its value from the stack's config
/// (<see cref="ConfigRoot"/> is the name Pulumi YAML gives the config key: <c>tags</c>, or the full key when its
/// namespace is not the project's).
/// </summary>
internal sealed record ConfigTag(string Key, string ConfigRoot, ConfigTagValue Value)
{
    public TemplateNode ToTemplate()
    {
        var reference = new Expression($"${{{ConfigRoot}[\"{Key}\"]}}");
        return Value switch
        {
            ConfigTagValue.Text => reference,
            ConfigTagValue.Scalar => TemplateNode.Call("fn::toJSON", reference),
            _ => "",
        };
    }
}
