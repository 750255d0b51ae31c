using FargateNetwork.Policies.Pack;
using System.Text;

namespace FargateNetwork.Policies.Tests.Check;

/// <summary>Resources of other providers, many of them, cause no violation and no crash.</summary>
public class ScaleTests
{
    private static string Template(int count)
    {
        var text = new StringBuilder("name: big\nruntime: yaml\nresources:\n");
        string[] types = ["gcp:storage:Bucket", "random:index/randomPet:RandomPet", "kubernetes:core/v1:ConfigMap", "azure-native:network:VirtualNetwork"];
        for (var i = 0; i < count; i++)
        {
            text.Append($"  r{i}:\n    type: {types[i % types.Length]}\n    properties:\n      name: r{i}\n      size: {i}\n");
            if (i > 0)
            {
                text.Append($"      dependsOnId: ${{r{i - 1}.id}}\n      tags: {{Name: \"${{pulumi.stack}}-r{i}\", subnetId: subnet-{i:x8}}}\n");
            }
        }

        return text.ToString();
    }

    [Fact]
    public void TenThousandUnrelatedResourcesPass()
    {
        var input = StackRules.Inputs.StackInput.Parse(Template(10_000), "big.yaml", "big.yaml", FargatePack.References);
        Assert.Equal(10_000, input.Resources.Count);
        var run = CheckRun.InProcess(Template(10_000), "--format", "json", "-");
        Assert.Equal(0, run.Exit);
        Assert.Empty(run.Violations());
        Assert.Equal(0, run.Json().GetProperty("reachability").GetArrayLength());
        Assert.Equal(string.Empty, run.Stderr);
    }
}
