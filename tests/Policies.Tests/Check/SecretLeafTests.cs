using StackRules.Reports;
using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text;
using StackRules.Host.Check;
using StackRules.Inputs;
using FargateNetwork.Policies.Pack;
using FargateNetwork.Policies.Report;
using YamlDotNet.RepresentationModel;

namespace FargateNetwork.Policies.Tests.Check;

/// <summary>
/// One rule for secrets, as a property over every leaf of real stacks: mark the leaf secret (a template's
/// <c>fn::secret</c>, a stack export's signed plaintext, a preview's signed value) and no output (text with the
/// reachability table, json, sarif, and the violation messages the analyzer sends as diagnostics) holds its
/// plaintext, or text derived from it (an AZ name without its letter is the Region). A text counts as leaked when it
/// is printed with the leaf secret but not once the leaf's value is replaced: then it came from the leaf.
/// </summary>
public class SecretLeafTests
{
    private const string Replacement = "replaced-leaf-value";

    private static readonly FargatePack Pack = FargatePack.Create(null);

    [Theory]
    [InlineData("broken-template.yaml")]
    [InlineData("nat-pulls.yaml")]
    [InlineData("secret-values.yaml")]
    public void NoTemplateLeafMarkedSecretIsPrinted(string fixture)
    {
        var text = File.ReadAllText(CheckRun.Fixture(fixture));
        var leaves = TemplateLeaves(Load(text)).Count;
        Assert.True(leaves > 20, $"{fixture}: {leaves} leaves");
        var leaks = new List<string>();
        for (var i = 0; i < leaves; i++)
        {
            var secret = Load(text);
            var (plain, replace) = TemplateLeaves(secret)[i];
            replace(new YamlMappingNode(new YamlScalarNode("fn::secret"), new YamlScalarNode(plain) { Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted }));
            var replaced = Load(text);
            TemplateLeaves(replaced)[i].Replace(new YamlScalarNode(Replacement));
            leaks.AddRange(Leaks(plain, Save(secret), () => Save(replaced), fixture));
        }

        Assert.Empty(leaks);
    }

    [Theory]
    [InlineData("broken-stack-export.json", "deployment.resources", false)]
    [InlineData("broken-preview.json", "steps", true)]
    [InlineData("broken-preview-create.json", "steps", true)]
    public void NoStateLeafMarkedSecretIsPrinted(string fixture, string resources, bool preview)
    {
        var text = File.ReadAllText(CheckRun.Fixture(fixture));
        var leaves = StateLeaves(JsonNode.Parse(text)!, resources).Count;
        Assert.True(leaves > 50, $"{fixture}: {leaves} leaves");
        var leaks = new List<string>();
        for (var i = 0; i < leaves; i++)
        {
            var secret = JsonNode.Parse(text)!;
            var (leaf, replace) = StateLeaves(secret, resources)[i];
            var plain = leaf.GetValueKind() == JsonValueKind.String ? leaf.GetValue<string>() : leaf.ToJsonString();
            replace(preview
                ? new JsonObject { [PulumiSignatures.Key] = PulumiSignatures.Secret, ["value"] = leaf.DeepClone() }
                : new JsonObject { [PulumiSignatures.Key] = PulumiSignatures.Secret, ["plaintext"] = leaf.ToJsonString() });
            var replaced = JsonNode.Parse(text)!;
            StateLeaves(replaced, resources)[i].Replace(JsonValue.Create(Replacement));
            leaks.AddRange(Leaks(plain, secret.ToJsonString(), () => replaced.ToJsonString(), fixture));
        }

        Assert.Empty(leaks);
    }

    /// <summary>Issue 10, item 5: a secret AZ name is the only mention of the Region; no output may name the Region.</summary>
    [Fact]
    public void ASecretAzNameDoesNotRevealTheRegion()
    {
        var run = CheckRun.InProcess(
            """
            resources:
              vpc: {type: aws:ec2:Vpc, properties: {cidrBlock: 10.0.0.0/16, enableDnsSupport: true, enableDnsHostnames: true}}
              subnet: {type: aws:ec2:Subnet, properties: {vpcId: "${vpc.id}", cidrBlock: 10.0.0.0/24, availabilityZone: {fn::secret: eu-west-1a}}}
              table: {type: aws:ec2:RouteTable, properties: {vpcId: "${vpc.id}"}}
              assoc: {type: aws:ec2:RouteTableAssociation, properties: {subnetId: "${subnet.id}", routeTableId: "${table.id}"}}
              task:
                type: aws:ecs:TaskDefinition
                properties:
                  family: app
                  requiresCompatibilities: [FARGATE]
                  networkMode: awsvpc
                  cpu: "256"
                  memory: "512"
                  containerDefinitions:
                    fn::toJSON:
                      - name: app
                        image: {fn::secret: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1}
              service:
                type: aws:ecs:Service
                properties: {taskDefinition: "${task.arn}", launchType: FARGATE, networkConfiguration: {subnets: ["${subnet.id}"], assignPublicIp: false}}
            """,
            "--format", "json", "--report", "-");
        Assert.Equal(1, run.Exit);
        Assert.NotEmpty(run.Violations());
        Assert.DoesNotContain("eu-west-1", run.Stdout, StringComparison.Ordinal);
    }

    /// <summary>Issue 10, item 5: the route to the internet gateway has a secret destination; no message states it.</summary>
    [Fact]
    public void ASecretRouteDestinationIsNotStatedInAMessage()
    {
        var printed = Outputs(StackInput.Load(CheckRun.Fixture("secret-values.yaml"), TextReader.Null, FargatePack.References));
        Assert.Contains("sends [secret] to internet gateway igw", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("public-route-table sends 0.0.0.0/0", printed, StringComparison.Ordinal);
    }

    /// <summary>Every output of checking <paramref name="input"/>, concatenated.</summary>
    private static string Outputs(StackInput input)
    {
        var pack = FargatePack.Definition;
        var options = new ReportOptions(new Dictionary<string, string?> { [NetworkReport.ReportOption] = null, [NetworkReport.AllDestinationsOption] = null });
        var evaluation = pack.Defaults().Evaluate(input.Resources);
        var checks = new[] { new StackCheck(input.DisplayName, evaluation.Violations) { Data = pack.Report!.Build(evaluation, options) } };
        var all = new StringBuilder();
        using (var text = new StringWriter(all))
        {
            TextReport.Write(text, checks, pack.Report, options);
            MarkdownReport.Write(text, checks, pack.Report, options);
        }

        using var json = new MemoryStream();
        JsonReport.Write(json, checks, pack.Report, options);
        using var sarif = new MemoryStream();
        SarifReport.Write(sarif, checks, pack, options);
        all.Append(Encoding.UTF8.GetString(json.ToArray())).Append(Encoding.UTF8.GetString(sarif.ToArray()));
        foreach (var violation in evaluation.Violations)
        {
            all.Append(violation.Message).Append('\n');
        }

        return all.ToString();
    }

    private static StackInput Read(string text, string name) => StackInput.Parse(text, name, name, FargatePack.References);

    /// <summary>The leaf's plaintext, and the text derived from it, printed with the leaf secret but not without its value.</summary>
    private static IEnumerable<string> Leaks(string plain, string secretInput, Func<string> replacedInput, string fixture)
    {
        var name = fixture.EndsWith(".json", StringComparison.Ordinal) ? "leaf.json" : "leaf.yaml";
        var printed = Outputs(Read(secretInput, name));
        var candidates = new[] { plain, plain.Length >= 8 ? plain[..^1] : string.Empty }
            .Where(c => c.Length >= 4 && printed.Contains(c, StringComparison.Ordinal)).ToList();
        if (candidates.Count == 0)
        {
            return [];
        }

        string withoutValue;
        try
        {
            withoutValue = Outputs(Read(replacedInput(), name));
        }
        catch (InputException)
        {
            withoutValue = string.Empty;
        }

        // Printed only with the leaf's value, or printed more often with it (a rule's text stating the value, such as
        // "sends 0.0.0.0/0" for a secret route). A bool, a number or a word (awslogs, FARGATE) is also the vocabulary
        // of fixed texts (awslogs-create-group), so for those only its absence counts.
        var literal = plain is "true" or "false" || double.TryParse(plain, System.Globalization.CultureInfo.InvariantCulture, out _)
            || plain.All(char.IsAsciiLetter);
        return candidates.Where(c => !withoutValue.Contains(c, StringComparison.Ordinal) || (!literal && Count(printed, c) > Count(withoutValue, c)))
            .Select(c => $"{fixture}: secret leaf '{plain}' printed as '{c}': {Line(printed, c)}");
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static string Line(string text, string part)
    {
        var at = text.IndexOf(part, StringComparison.Ordinal);
        var start = text.LastIndexOf('\n', at) + 1;
        var end = text.IndexOf('\n', at);
        return text[start..(end < 0 ? text.Length : end)].Trim();
    }

    private static YamlStream Load(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream;
    }

    private static string Save(YamlStream stream)
    {
        var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    /// <summary>The scalar leaves under <c>variables</c> and each resource's <c>properties</c>, each with a way to replace it.</summary>
    private static List<(string Plain, Action<YamlNode> Replace)> TemplateLeaves(YamlStream stream)
    {
        var leaves = new List<(string, Action<YamlNode>)>();
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        if (root.Children.TryGetValue(new YamlScalarNode("variables"), out var variables))
        {
            Collect(variables, leaves);
        }

        foreach (var (_, resource) in (YamlMappingNode)root.Children[new YamlScalarNode("resources")])
        {
            if (resource is YamlMappingNode body && body.Children.TryGetValue(new YamlScalarNode("properties"), out var properties))
            {
                Collect(properties, leaves);
            }
        }

        return leaves;
    }

    private static void Collect(YamlNode node, List<(string, Action<YamlNode>)> leaves)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var key in map.Children.Keys.ToList())
                {
                    if (map.Children[key] is YamlScalarNode { Value: { } value })
                    {
                        leaves.Add((value, n => map.Children[key] = n));
                    }
                    else if (key is not YamlScalarNode { Value: "fn::secret" })
                    {
                        Collect(map.Children[key], leaves);
                    }
                }

                break;
            case YamlSequenceNode list:
                for (var i = 0; i < list.Children.Count; i++)
                {
                    var index = i;
                    if (list.Children[i] is YamlScalarNode { Value: { } value })
                    {
                        leaves.Add((value, n => list.Children[index] = n));
                    }
                    else
                    {
                        Collect(list.Children[i], leaves);
                    }
                }

                break;
        }
    }

    /// <summary>The leaves of each resource's inputs and outputs (a preview step's new and old state).</summary>
    private static List<(JsonNode Leaf, Action<JsonNode> Replace)> StateLeaves(JsonNode root, string resourcesPath)
    {
        var resources = resourcesPath.Split('.').Aggregate(root, (n, key) => n[key]!).AsArray();
        var leaves = new List<(JsonNode, Action<JsonNode>)>();
        foreach (var entry in resources)
        {
            foreach (var state in entry!["newState"] is null ? [entry] : new[] { entry["newState"], entry["oldState"] })
            {
                foreach (var key in new[] { "inputs", "outputs" })
                {
                    if (state?[key] is JsonObject properties)
                    {
                        CollectJson(properties, leaves);
                    }
                }
            }
        }

        return leaves;
    }

    private static void CollectJson(JsonNode node, List<(JsonNode, Action<JsonNode>)> leaves)
    {
        if (node is JsonObject obj)
        {
            if (obj.ContainsKey(PulumiSignatures.Key))
            {
                return;
            }

            foreach (var key in obj.Select(p => p.Key).ToList())
            {
                if (obj[key] is JsonValue value)
                {
                    leaves.Add((value, n => obj[key] = n));
                }
                else if (obj[key] is { } child)
                {
                    CollectJson(child, leaves);
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                var index = i;
                if (array[i] is JsonValue value)
                {
                    leaves.Add((value, n => array[index] = n));
                }
                else if (array[i] is { } child)
                {
                    CollectJson(child, leaves);
                }
            }
        }
    }
}
