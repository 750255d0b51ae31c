using FargateNetwork.Policies.Pack;
using System.Text.Json.Nodes;
using StackRules.Inputs;
using FargateNetwork.Policies.Tests.Check;

namespace FargateNetwork.Policies.Tests.Inputs;

/// <summary>
/// <c>pulumi preview --json</c> without <c>--show-sames</c> lists only the changed resources (pulumi/pulumi
/// <c>pkg/backend/display/display.go</c> <c>shouldShow</c>). Checked as a stack, a changed service without its
/// subnets and endpoints would look broken; the reader refuses such a preview and says how to get a whole one.
/// </summary>
public class PartialPreviewTests
{
    /// <summary>The broken fixture as the CLI prints it by default: the <c>same</c> steps left out except the root stack's.</summary>
    private static string WithoutSames()
    {
        var preview = JsonNode.Parse(File.ReadAllText(Read.Fixture("broken-preview.json")))!.AsObject();
        var steps = preview["steps"]!.AsArray();
        foreach (var step in steps.Where(s => (string?)s!["op"] == "same" && !((string)s["urn"]!).Contains("pulumi:pulumi:Stack", StringComparison.Ordinal)).ToList())
        {
            steps.Remove(step);
        }

        return preview.ToJsonString();
    }

    [Fact]
    public void APreviewWithoutItsUnchangedResourcesIsRefusedWithTheFix()
    {
        var text = WithoutSames();
        var e = Assert.Throws<InputException>(() => StackInput.Parse(text, "p.json", "p.json", FargatePack.References));
        Assert.StartsWith("p.json: a partial preview: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("which no step lists", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("run `pulumi preview --json --show-sames` so the whole stack is checked", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APreviewWithItsUnchangedResourcesIsRead()
    {
        var input = Read.File("broken-preview.json");
        Assert.Equal(InputFormat.Preview, input.Format);
        Assert.Contains(input.Resources, r => r.Name == "task-subnet-a");
    }

    [Fact]
    public void AFirstDeploymentPreviewListsEverythingAndIsRead()
    {
        var input = Read.File("broken-preview-create.json");
        Assert.Contains(input.Resources, r => r.Name == "service");
    }

    [Fact]
    public void ADependencyOnlyInTheDependenciesListCountsToo()
    {
        const string Subnet = "urn:pulumi:dev::p::aws:ec2/subnet:Subnet::a";
        var text = $$$"""
            {"steps": [{"op": "update", "urn": "urn:pulumi:dev::p::aws:ec2/routeTable:RouteTable::r",
              "newState": {"type": "aws:ec2/routeTable:RouteTable", "dependencies": ["{{{Subnet}}}"]}}]}
            """;
        var e = Assert.Throws<InputException>(() => StackInput.Parse(text, "p.json", "p.json", FargatePack.References));
        Assert.Contains($"r depends on a ({Subnet})", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCommandExitsTwoWithOneLineOnStderr()
    {
        var run = DotnetProcess.Run(DotnetProcess.PolicyPackDll, ["check", "-"], stdin: WithoutSames());
        Assert.Equal(2, run.Exit);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.StartsWith("<stdin>: a partial preview: ", run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
    }
}
