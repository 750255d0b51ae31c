using FargateNetwork.Policies.Pack;
using StackRules.Inputs;

namespace FargateNetwork.Policies.Tests.Inputs;

/// <summary>Broken input: one line naming the file and the problem, never a stack trace, never a secret.</summary>
public class BadInputTests
{
    public static TheoryData<string, string, string> Broken() => new()
    {
        { "empty.yaml", "", "bad.yaml: empty file" },
        { "blank.yaml", "  \n\n", "bad.yaml: empty file" },
        { "comment.yaml", "# nothing here\n", "bad.yaml: empty document" },
        { "yaml-syntax.yaml", "resources:\n  vpc:\n    type: aws:ec2:Vpc\n   properties: [\n", "bad.yaml: invalid YAML at line 4" },
        { "json-syntax.json", "{\"steps\": [\n  {\"op\": \"create\",}\n", "bad.yaml: invalid JSON at line 2" },
        { "other.yaml", "apiVersion: v1\nkind: Pod\n", "bad.yaml: not a Pulumi template, stack export or preview JSON (expected a top-level resources, deployment or steps key)" },
        { "list.json", "[1, 2]", "bad.yaml: not a Pulumi template" },
        { "scalar.yaml", "hello", "bad.yaml: not a Pulumi template" },
        { "resources-list.yaml", "resources:\n  - vpc\n", "bad.yaml: line 2: resources: expected a map" },
        { "no-type.yaml", "resources:\n  vpc:\n    properties: {}\n", "bad.yaml: line 3: resource 'vpc': missing type, or not a string" },
        { "properties-list.yaml", "resources:\n  vpc:\n    type: aws:ec2:Vpc\n    properties: [1]\n", "bad.yaml: line 4: resource 'vpc': properties must be a map" },
        { "resources-not-array.json", "{\"deployment\": {\"resources\": {}}}", "bad.yaml: deployment.resources: expected an array, found an object" },
        { "urn-number.json", "{\"deployment\": {\"resources\": [{\"urn\": 3}]}}", "bad.yaml: deployment.resources[0].urn: expected a string, found a number" },
        { "no-urn.json", "{\"deployment\": {\"resources\": [{\"type\": \"aws:ec2/vpc:Vpc\"}]}}", "bad.yaml: deployment.resources[0]: missing urn" },
        { "inputs-list.json", "{\"deployment\": {\"resources\": [{\"urn\": \"urn:pulumi:s::p::aws:ec2/vpc:Vpc::v\", \"inputs\": []}]}}", "bad.yaml: deployment.resources[0].inputs: expected an object, found an array" },
        { "self-alias.yaml", "resources:\n  vpc: &v\n    type: aws:ec2:Vpc\n    properties: {n: *v}\n", "bad.yaml: line 4, column 21: the alias *v is inside the node it names (it would contain itself)" },
        { "duplicate.yaml", "resources:\n  vpc:\n    type: aws:ec2:Vpc\n  vpc:\n    type: aws:ec2:Vpc\n", "bad.yaml: line 4, column 3: the key 'vpc' appears twice in one map; keep one" },
        { "steps-object.json", "{\"steps\": {}}", "bad.yaml: steps: expected an array, found an object" },
        { "step-string.json", "{\"steps\": [\"x\"]}", "bad.yaml: steps[0]: expected a step object, found a string" },
        { "deps.json", "{\"steps\": [{\"newState\": {\"urn\": \"urn:pulumi:s::p::aws:ec2/vpc:Vpc::v\", \"propertyDependencies\": {\"a\": \"x\"}}}]}", "bad.yaml: steps[0].newState.propertyDependencies.a: expected an array of URNs" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void BrokenInputGivesOneLineNamingTheFile(string label, string text, string expected)
    {
        var e = Assert.Throws<InputException>(() => StackInput.Parse(text, "bad.yaml", "bad.yaml", FargatePack.References));
        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        Assert.NotEmpty(label);
    }

    [Fact]
    public void AMissingFileIsNamed()
    {
        var e = Assert.Throws<InputException>(() => StackInput.Load("/nonexistent/stack.json", TextReader.Null, FargatePack.References));
        Assert.Equal("/nonexistent/stack.json: cannot read: no such file", e.Message);
    }

    [Fact]
    public void ADirectoryIsNamed()
    {
        var dir = Directory.CreateTempSubdirectory("check-dir-").FullName;
        try
        {
            var e = Assert.Throws<InputException>(() => StackInput.Load(dir, TextReader.Null, FargatePack.References));
            Assert.Equal($"{dir}: is a directory: give a template, stack export or preview JSON file", e.Message);
        }
        finally
        {
            Directory.Delete(dir);
        }
    }

    [Fact]
    public void StandardInputIsNamedStdin()
    {
        var e = Assert.Throws<InputException>(() => StackInput.Load("-", new StringReader(""), FargatePack.References));
        Assert.StartsWith("<stdin>: empty file", e.Message, StringComparison.Ordinal);
        var ok = StackInput.Load("-", new StringReader("resources:\n  vpc:\n    type: aws:ec2:Vpc\n"), FargatePack.References);
        Assert.Equal("<stdin>", ok.DisplayName);
        Assert.Single(ok.Resources);
    }

    [Fact]
    public void AYamlFlowMappingIsNotMistakenForBrokenJson()
    {
        var input = StackInput.Parse("{resources: {vpc: {type: aws:ec2:Vpc}}}", "flow.yaml", "flow.yaml", FargatePack.References);
        Assert.Equal(InputFormat.Template, input.Format);
        Assert.Single(input.Resources);
    }

    [Fact]
    public void AnUnparsableSecretPlaintextNeverReachesAnErrorOrAValue()
    {
        var input = StackInput.Parse("""
            {"deployment": {"resources": [{"urn": "urn:pulumi:s::p::aws:ec2/vpc:Vpc::v", "inputs": {"x":
              {"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", "plaintext": "not-json-TOPSECRET"}}}]}}
            """, "s.json", "s.json", FargatePack.References);
        Assert.Equal(new StackRules.SecretValue(StackRules.UnknownValue.Instance), input.Resources[0].Inputs.Properties["x"]);
    }
}
