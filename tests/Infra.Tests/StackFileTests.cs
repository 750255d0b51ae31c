using System.Diagnostics;

namespace FargateNetwork.Infra.Tests;

/// <summary>Issue 10 item 17 and issue 13 item 3: <c>--stack</c> mode on hostile stack files, and a minimal stack.</summary>
public sealed class StackFileTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("fargate-network-stack-").FullName;

    public StackFileTests()
    {
        File.Copy(FargateNetwork.Tests.Shared.RepositoryRoot.File("Pulumi.yaml"), Path.Combine(dir, "Pulumi.yaml"));
    }

    public void Dispose() => Directory.Delete(dir, true);

    private static string Bomb()
    {
        var text = "config:\n  fargate-network:unknownKey:\n    l0: &l0 [x, x, x, x, x, x, x, x, x]\n";
        for (var i = 1; i < 9; i++)
        {
            text += $"    l{i}: &l{i} [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 9))}]\n";
        }

        return text;
    }

    public static TheoryData<string, string> Hostile() => new()
    {
        { "config:\n  fargate-network:tags: &a\n    x: *a\n", "refers to its own anchor" },
        { Bomb(), "expands to more than" },
        { "config:\n  ? [a, b]\n  : 1\n", "a map key must be plain text" },
        { "config:\n  a: [\n  b\n", "not valid YAML" },
        { "config:\n  aws:region: a\n  aws:region: b\n", "appears twice" },
        { "config:\n  x: " + new string('[', 20000) + new string(']', 20000) + "\n", "nested more than" },
        { "config:\n  x: " + string.Concat(Enumerable.Repeat("{a: ", 20000)) + "1" + new string('}', 20000) + "\n", "nested more than" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void AHostileStackFileIsOneClearErrorWithinSeconds(string content, string expected)
    {
        File.WriteAllText(Path.Combine(dir, "Pulumi.bad.yaml"), content);
        var watch = Stopwatch.StartNew();
        var result = CompilerProcess.Run(new Dictionary<string, string?>(), dir, "--stack", "bad");
        watch.Stop();
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("fargate-network: config (file) in Pulumi.bad.yaml:", line, StringComparison.Ordinal);
        Assert.Contains(expected, line);
        Assert.DoesNotContain("   at ", result.Stderr);
        // A bound, not a benchmark: the unbounded reader took 13-60 s on these inputs.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    [Fact]
    public void ANewStackNeedsOnlyRegionZonesAndImage()
    {
        File.WriteAllText(Path.Combine(dir, "Pulumi.staging.yaml"), """
            config:
              aws:region: eu-west-1
              fargate-network:availabilityZones:
                - eu-west-1a
                - eu-west-1b
              fargate-network:workload:
                image: 210987654321.dkr.ecr.eu-west-1.amazonaws.com/app:1.0
            """);
        var result = CompilerProcess.Run(new Dictionary<string, string?>(), dir, "--stack", "staging");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("", result.Stderr);
        var template = result.Template;
        Assert.Equal("10.0.0.0/16", template.Single("aws:ec2/vpc:Vpc")["cidrBlock"]);
        Assert.Contains("com.amazonaws.eu-west-1.ecr.dkr", template.OfType("aws:ec2/vpcEndpoint:VpcEndpoint").Select(e => (string)e["serviceName"]!));
        Assert.Single(template.OfType("aws:ecs/service:Service"));
    }
}
