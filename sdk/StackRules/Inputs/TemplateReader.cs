
namespace StackRules.Inputs;

/// <summary>
/// Reads the <c>resources:</c> of a Pulumi YAML (or JSON) template, such as our compiler's output or a hand-written
/// Pulumi YAML program, into stack resources. A logical name becomes the URN
/// <c>urn:pulumi:template::PROJECT::TYPE::NAME</c> (the parent's type chain joined with <c>$</c> for a child, as
/// Pulumi does). <c>${x.prop}</c> alone in a string becomes a reference to resource <c>x</c>, <c>${v.path}</c> the
/// value of variable <c>v</c> at that path; anything that cannot be known before deployment (config,
/// <c>pulumi.stack</c>, text mixed with interpolations, invokes) is unknown. Short type tokens are expanded (<c>aws:ec2:Vpc</c> → <c>aws:ec2/vpc:Vpc</c>).
/// </summary>
internal sealed class TemplateReader
{
    /// <summary>The stack part of template URNs: a template is not deployed to a stack yet.</summary>
    public const string StackName = "template";

    private readonly string file;
    private readonly ExpansionBudget budget;
    private readonly Dictionary<string, string> urns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SourceNode> variables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PropertyValue> variableValues = new(StringComparer.Ordinal);
    private readonly HashSet<string> evaluating = new(StringComparer.Ordinal);

    // A YAML alias is one shared node: converted once, so repeated aliases stay linear.
    private readonly Dictionary<SourceNode, PropertyValue> converted = new(ReferenceEqualityComparer.Instance);

    private TemplateReader(string file, long sourceLength)
    {
        this.file = file;
        budget = new ExpansionBudget(InputLimits.ExpansionLimit(sourceLength));
    }

    /// <summary>
    /// Reads the resources of <paramref name="root"/>; <paramref name="sourceLength"/> (the file's length) sets how
    /// far aliases, variables and <c>fn::join</c> may expand (<see cref="InputLimits.ExpansionLimit"/>).
    /// </summary>
    public static IReadOnlyList<StackResource> Read(MappingNode root, string file, long sourceLength = 0) =>
        new TemplateReader(file, sourceLength).ReadAll(root);

    private List<StackResource> ReadAll(MappingNode root)
    {
        var project = root.Get("name") is ScalarNode { Text.Length: > 0 } name ? name.Text : "project";
        var resourcesNode = root.Get("resources");
        if (resourcesNode is null || resourcesNode is ScalarNode { Quoted: false } empty && CoreSchema.Literal(empty.Text) is NullValue)
        {
            return [];
        }

        if (resourcesNode is not MappingNode resources)
        {
            throw Error(resourcesNode, "resources: expected a map of logical names to resources");
        }

        // First pass: type and parent of every resource, so references resolve in any order.
        var declared = new Dictionary<string, (string Type, string? Parent, MappingNode Node)>(StringComparer.Ordinal);
        foreach (var (logicalName, node) in resources.Entries)
        {
            if (node is not MappingNode body)
            {
                throw Error(node, $"resource '{logicalName}': expected a map with type and properties");
            }

            if (body.Get("type") is not ScalarNode { Text.Length: > 0 } typeNode)
            {
                throw Error(body, $"resource '{logicalName}': missing type, or not a string (such as aws:ec2/vpc:Vpc)");
            }

            if (!declared.TryAdd(logicalName, (TypeToken.Canonical(typeNode.Text), null, body)))
            {
                throw Error(body, $"resource '{logicalName}' is declared twice");
            }
        }

        foreach (var (logicalName, entry) in declared.ToList())
        {
            if (entry.Node.Get("options") is MappingNode options && options.Get("parent") is ScalarNode parent
                && Interpolation.Parse(parent.Text).Expression is { } expression
                && Interpolation.Split(expression) is var (parentName, path) && path.Length == 0 && declared.ContainsKey(parentName))
            {
                declared[logicalName] = entry with { Parent = parentName };
            }
        }

        if (root.Get("variables") is MappingNode variablesNode)
        {
            foreach (var (variableName, value) in variablesNode.Entries)
            {
                variables[variableName] = value;
            }
        }

        foreach (var logicalName in declared.Keys)
        {
            urns[logicalName] = Urn.Create(StackName, project, TypeChain(logicalName, declared, 0), logicalName);
        }

        var result = new List<StackResource>(declared.Count);
        var expanded = 0L;
        foreach (var (logicalName, (type, parent, body)) in declared)
        {
            var get = body.Get("get") as MappingNode;
            var propertiesNode = get is not null ? get.Get("state") : body.Get("properties");
            ObjectValue inputs;
            string? id;
            try
            {
                inputs = propertiesNode switch
                {
                    null => ObjectValue.Empty,
                    // A map that is one fn:: call (an invoke's result as all properties) is not known before deployment.
                    MappingNode map => Convert(map, 0) as ObjectValue ?? ObjectValue.Empty,
                    ScalarNode { Quoted: false } s when CoreSchema.Literal(s.Text) is NullValue => ObjectValue.Empty,
                    _ => throw Error(propertiesNode, $"resource '{logicalName}': {(get is null ? "properties" : "get.state")} must be a map"),
                };
                id = get?.Get("id") is ScalarNode idNode && Convert(idNode, 0) is StringValue literalId ? literalId.Value : null;
                expanded = ExpansionBudget.Add(expanded, budget.Measure(inputs));
                if (expanded > budget.Limit)
                {
                    throw new ExpansionException($"with the resources before it, expands to more than {budget.Limit:N0} values and characters");
                }
            }
            catch (ExpansionException e)
            {
                throw Error(propertiesNode ?? body, $"resource '{logicalName}': {e.Message} (YAML aliases, variables and fn::join repeat their content); " +
                    $"the limit is four times the file's size or {InputLimits.MinExpansion:N0}, whichever is larger");
            }

            result.Add(new StackResource(urns[logicalName], type, logicalName, inputs, id, parent is null ? null : urns[parent]));
        }

        return result;
    }

    private static string TypeChain(string name, Dictionary<string, (string Type, string? Parent, MappingNode Node)> declared, int depth)
    {
        var (type, parent, _) = declared[name];
        return parent is null || depth > 64 ? type : $"{TypeChain(parent, declared, depth + 1)}{Urn.TypeDelimiter}{type}";
    }

    private PropertyValue Convert(SourceNode node, int depth)
    {
        if (converted.TryGetValue(node, out var done))
        {
            return done;
        }

        if (depth > InputLimits.MaxDepth)
        {
            throw Error(node, $"nested more than {InputLimits.MaxDepth} levels, counting the variables it uses");
        }

        var value = ConvertNew(node, depth);
        converted[node] = value;
        return value;
    }

    private PropertyValue ConvertNew(SourceNode node, int depth)
    {
        switch (node)
        {
            case ScalarNode { Quoted: false } plain when CoreSchema.Literal(plain.Text) is { } literal:
                return literal;
            case ScalarNode scalar:
                return FromString(scalar.Text, depth);
            case SequenceNode sequence:
                return new ArrayValue(sequence.Items.Select(i => Convert(i, depth + 1)).ToList());
            case MappingNode { Entries: [var only] } function when only.Key.StartsWith(TemplateFunction.Prefix, StringComparison.OrdinalIgnoreCase):
                return TemplateFunction.Evaluate(only.Key, Convert(only.Value, depth + 1), budget);
            case MappingNode mapping:
                var properties = new Dictionary<string, PropertyValue>(mapping.Entries.Count, StringComparer.Ordinal);
                foreach (var (key, value) in mapping.Entries)
                {
                    properties[key] = Convert(value, depth + 1);
                }

                return new ObjectValue(properties);
            default:
                return UnknownValue.Instance;
        }
    }

    private PropertyValue FromString(string text, int depth)
    {
        var parsed = Interpolation.Parse(text);
        if (parsed.Literal is { } literal)
        {
            return new StringValue(literal);
        }

        if (parsed.Expression is { } expression)
        {
            var (root, path) = Interpolation.Split(expression);
            if (urns.TryGetValue(root, out var urn))
            {
                return new ReferenceValue(urn, path.Length == 0 ? "id" : path);
            }

            if (Variable(root, depth) is { } variable)
            {
                return PropertyPath.Select(variable, path);
            }
        }

        return UnknownValue.Instance;
    }

    /// <summary>
    /// The value of a template variable (<c>variables:</c>), converted once; a variable that refers to itself
    /// (directly or not) is unknown. Its depth counts from where it is used (<paramref name="depth"/>), so a chain of
    /// variables cannot nest deeper than <see cref="InputLimits.MaxDepth"/> either.
    /// </summary>
    private PropertyValue? Variable(string name, int depth)
    {
        if (variableValues.TryGetValue(name, out var known))
        {
            return known;
        }

        if (!variables.TryGetValue(name, out var node))
        {
            return null;
        }

        if (!evaluating.Add(name))
        {
            return UnknownValue.Instance;
        }

        var value = Convert(node, depth + 1);
        evaluating.Remove(name);
        variableValues[name] = value;
        return value;
    }

    private InputException Error(SourceNode node, string problem) =>
        new(node.Line > 0 ? $"{file}: line {node.Line}: {problem}" : $"{file}: {problem}");
}
