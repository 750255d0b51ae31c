using YamlDotNet.RepresentationModel;

namespace FargateNetwork.Policies.Tests.Corpus;

/// <summary>
/// A corpus template as it is after <c>pulumi up</c>: every config value and invoke result the case lists in
/// <see cref="CorpusCase.Deployed"/> becomes a literal template variable of the same name (the value the engine would
/// have read from <c>Pulumi.dev.yaml</c> or from AWS), so the template reader sees literal ids where the user wrote
/// <c>${subnetIds}</c> or an <c>fn::invoke</c>. Everything else is left as written.
/// </summary>
public static class DeployedTemplate
{
    public static string Resolve(string templateText, IReadOnlyDictionary<string, object> deployed)
    {
        if (deployed.Count == 0)
        {
            return templateText;
        }

        var stream = new YamlStream();
        stream.Load(new StringReader(templateText));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var variablesKey = new YamlScalarNode("variables");
        if (!root.Children.TryGetValue(variablesKey, out var variablesNode))
        {
            variablesNode = new YamlMappingNode();
            root.Children.Add(variablesKey, variablesNode);
        }

        var variables = (YamlMappingNode)variablesNode;
        foreach (var (name, value) in deployed)
        {
            variables.Children[new YamlScalarNode(name)] = value switch
            {
                string text => new YamlScalarNode(text) { Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted },
                IEnumerable<string> list => new YamlSequenceNode(list.Select(i => new YamlScalarNode(i) { Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted })),
                _ => throw new ArgumentException($"deployed value '{name}': a string or a list of strings"),
            };
        }

        // Config keys now defined as variables: the engine reads config, the reader reads variables; keep one.
        if (root.Children.TryGetValue(new YamlScalarNode("config"), out var config) && config is YamlMappingNode configMap)
        {
            foreach (var name in deployed.Keys)
            {
                configMap.Children.Remove(new YamlScalarNode(name));
            }
        }

        var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }
}
