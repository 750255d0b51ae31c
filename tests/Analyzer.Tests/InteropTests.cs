using FargateNetwork.Policies.Pack;
using System.Diagnostics;
using System.Text.Json.Nodes;
using FargateNetwork.Tests.Shared;

namespace FargateNetwork.Analyzer.Tests;

/// <summary>
/// Plays the Pulumi engine with the official generated JavaScript classes of <c>@pulumi/pulumi</c> 3.248.0
/// (<c>interop/engine.js</c>) against the PUBLISHED executable, started as the CLI starts it, through the calls of a
/// preview. Needs <c>scripts/publish-policy-pack</c> and <c>npm ci --ignore-scripts</c> first (scripts/test does both).
/// </summary>
public sealed class InteropTests
{
    private const string Pack = "fargate-network";
    private const string Service = "urn:pulumi:prod::fargate-network::aws:ecs/service:Service::app";

    [Fact]
    public async Task BrokenStackFailsThePreviewOnTheServiceForEachSubnet()
    {
        var result = await Preview("--without", "ecr-api");
        AssertCleanProcess(result);
        Assert.Empty(result["analyze"]!.AsArray());
        var diagnostics = result["analyzeStack"]!.AsArray().Select(d => d!.AsObject()).ToList();
        Assert.Equal(
            [("private-fargate-subnet-endpoints", Service, 1), ("private-fargate-subnet-endpoints", Service, 1)],
            diagnostics.Select(d => ((string)d["policyName"]!, (string)d["urn"]!, (int)d["enforcementLevel"]!)));
        Assert.All(diagnostics, d =>
        {
            Assert.Equal(Pack, (string)d["policyPackName"]!);
            Assert.Equal("0.1.0", (string)d["policyPackVersion"]!);
            Assert.StartsWith((string)d["description"]! + "\n", (string)d["message"]!, StringComparison.Ordinal);
            Assert.Contains("ecr.api", (string)d["message"]!, StringComparison.Ordinal);
            Assert.DoesNotContain("s3cr3t-token-do-not-print", (string)d["message"]!, StringComparison.Ordinal);
        });
        Assert.Contains(diagnostics, d => ((string)d["message"]!).Contains("subnet task-a", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => ((string)d["message"]!).Contains("subnet task-c", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HealthyPrivateEndpointsStackPassesWithEveryPolicyListed()
    {
        var result = await Preview();
        AssertCleanProcess(result);
        Assert.Empty(result["analyze"]!.AsArray());
        Assert.Empty(result["analyzeStack"]!.AsArray());
        Assert.Equal(0, (int)result["remediations"]!);
        Assert.Equal("0.1.0", (string)result["pluginVersion"]!);
        var info = result["info"]!.AsObject();
        Assert.Equal(Pack, (string)info["name"]!);
        Assert.True((bool)info["supportsConfig"]!);
        var policies = info["policies"]!.AsArray().Select(p => p!.AsObject()).ToList();
        Assert.Equal(FargatePack.Policies.Select(p => p.Name), policies.Select(p => (string)p["name"]!));
        Assert.All(policies, p => Assert.InRange((int)p["enforcementLevel"]!, 0, 1));
        Assert.All(policies, p => Assert.All(p["configSchema"]!.AsObject(), property => Assert.IsType<JsonObject>(property.Value)));
    }

    [Fact]
    public async Task DirectoryModeAndPolicyPackConfigWork()
    {
        var config = Path.Combine(Path.GetTempPath(), $"policy-config-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(config, """{"all": "mandatory", "private-fargate-subnet-endpoints": {"enforcementLevel": "advisory", "platformVersion": "LATEST"}}""");
        try
        {
            var result = await Preview("--without", "ecr-api", "--mode", "directory", "--config", config);
            AssertCleanProcess(result);
            var diagnostics = result["analyzeStack"]!.AsArray().Select(d => d!.AsObject()).ToList();
            Assert.Equal(2, diagnostics.Count);
            Assert.All(diagnostics, d => Assert.Equal(0, (int)d["enforcementLevel"]!));
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Fact]
    public async Task CancelAloneStopsThePublishedExecutable()
    {
        // No SIGINT after Cancel: the process must exit by itself (the harness kills it after 5 s otherwise).
        var result = await Preview("--no-sigint");
        Assert.False((bool)result["signalled"]!);
        AssertCleanProcess(result);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task TheProjectsOwnStacksPassInPreview(string stack)
    {
        var result = await PreviewOfTemplate(stack);
        AssertCleanProcess(result);
        Assert.Empty(result["analyze"]!.AsArray());
        Assert.Empty(result["analyzeStack"]!.AsArray());
    }

    [Fact]
    public async Task TheProdStackWithoutItsEcrApiEndpointFailsForEveryTaskSubnet()
    {
        var result = await PreviewOfTemplate("prod", "--without", "endpoint-ecr-api");
        AssertCleanProcess(result);
        var diagnostics = result["analyzeStack"]!.AsArray().Select(d => d!.AsObject()).ToList();
        Assert.Equal(3, diagnostics.Count);
        Assert.All(diagnostics, d =>
        {
            Assert.Equal("private-fargate-subnet-endpoints", (string)d["policyName"]!);
            Assert.Equal("urn:pulumi:prod::fargate-network::aws:ecs/service:Service::service", (string)d["urn"]!);
            Assert.Equal(1, (int)d["enforcementLevel"]!);
        });
        foreach (var az in new[] { "ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d" })
        {
            Assert.Single(diagnostics, d => ((string)d["message"]!).Contains($"task-subnet-{az}", StringComparison.Ordinal));
        }
    }

    private static async Task<JsonObject> PreviewOfTemplate(string stack, params string[] extra)
    {
        var template = await Template(stack);
        try
        {
            return await PreviewOf(template, ["--stack", stack, .. extra]);
        }
        finally
        {
            File.Delete(template);
        }
    }

    /// <summary>The Pulumi YAML template infra/ prints for a stack (its config from Pulumi.&lt;stack&gt;.yaml).</summary>
    private static async Task<string> Template(string stack)
    {
        var file = Path.Combine(Path.GetTempPath(), $"fargate-network-{stack}-{Guid.NewGuid():N}.yaml");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = RepositoryRoot.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "run", "--project", "infra", "--", "--stack", stack })
        {
            start.ArgumentList.Add(arg);
        }

        using var dotnet = Process.Start(start)!;
        var stdout = dotnet.StandardOutput.ReadToEndAsync();
        var stderr = dotnet.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await dotnet.WaitForExitAsync(timeout.Token);
        Assert.True(dotnet.ExitCode == 0, $"dotnet run --project infra -- --stack {stack} failed: {await stderr}");
        await File.WriteAllTextAsync(file, await stdout);
        return file;
    }

    private static void AssertCleanProcess(JsonObject result)
    {
        Assert.Equal(0, (int)result["exitCode"]!);
        Assert.Equal("", (string)result["stderr"]!);
        Assert.Empty(result["stdoutAfterPort"]!.AsArray());
    }

    private static Task<JsonObject> Preview(params string[] extra) =>
        PreviewOf(RepositoryRoot.File("tests", "Analyzer.Tests", "interop", "private-endpoints.json"), extra);

    private static async Task<JsonObject> PreviewOf(string stackFile, params string[] extra)
    {
        var exe = RepositoryRoot.File("artifacts", "policy-pack", "pulumi-analyzer-policy-fargate-network" + (OperatingSystem.IsWindows() ? ".exe" : ""));
        if (!File.Exists(exe))
        {
            Assert.Fail($"the published analyzer {exe} is missing: run scripts/publish-policy-pack (scripts/test runs it before the tests).");
        }

        RepositoryRoot.NodePackage("@pulumi/pulumi");
        RepositoryRoot.NodePackage("@grpc/grpc-js");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { RepositoryRoot.File("tests", "Analyzer.Tests", "interop", "engine.js"), exe, stackFile }.Concat(extra))
        {
            start.ArgumentList.Add(arg);
        }

        using var node = Process.Start(start) ?? throw new InvalidOperationException("node could not be started: is Node.js on PATH?");
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await node.WaitForExitAsync(timeout.Token);
        Assert.True(node.ExitCode == 0, $"interop/engine.js failed ({node.ExitCode}): {await stderr}");
        return JsonNode.Parse(await stdout)!.AsObject();
    }
}
