namespace FargateNetwork.Infra;

/// <summary>IAM policy documents as template trees, printed through <c>fn::toJSON</c> so references resolve.</summary>
internal static class IamPolicy
{
    /// <summary>A trust policy letting <paramref name="service"/> (e.g. <c>ecs-tasks.amazonaws.com</c>) assume the role.</summary>
    public static TemplateNode AssumedBy(string service) => Document(new MapNode()
        .Set("Effect", "Allow")
        .Set("Principal", new MapNode().Set("Service", service))
        .Set("Action", "sts:AssumeRole"));

    public static TemplateNode Document(params MapNode[] statements) =>
        TemplateNode.Call("fn::toJSON", new MapNode()
            .Set("Version", "2012-10-17")
            .Set("Statement", TemplateNode.List(statements)));

    public static MapNode Allow(IEnumerable<string> actions, IEnumerable<TemplateNode> resources) => new MapNode()
        .Set("Effect", "Allow")
        .Set("Action", TemplateNode.List(actions.Select(a => (TemplateNode)a)))
        .Set("Resource", TemplateNode.List(resources));
}
