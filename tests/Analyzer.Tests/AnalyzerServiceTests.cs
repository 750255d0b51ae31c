using System.Text.Json.Nodes;
using StackRules.Host.Analyzer.Protocol;
using EnforcementLevel = StackRules.Host.Analyzer.Protocol.EnforcementLevel;
using PolicyConfig = StackRules.Host.Analyzer.Protocol.PolicyConfig;
using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Pack;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using WireLevel = StackRules.Host.Analyzer.Protocol.EnforcementLevel;

namespace FargateNetwork.Analyzer.Tests;

/// <summary>Each RPC through a real gRPC client against the server started in-process.</summary>
public sealed class AnalyzerServiceTests
{
    private const string Service = "urn:pulumi:prod::fargate-network::aws:ecs/service:Service::app";
    private static readonly PreviewFixture Stack = PreviewFixture.Load();

    [Fact]
    public async Task HandshakeAcceptsTheEngineRequestWithAndWithoutDirectories()
    {
        await using var server = await AnalyzerServer.StartAsync();
        var full = new AnalyzerHandshakeRequest { EngineAddress = "127.0.0.1:5555", RootDirectory = "/packs/x", ProgramDirectory = "/packs/x" };
        Assert.NotNull(await server.Client.HandshakeAsync(full));
        Assert.NotNull(await server.Client.HandshakeAsync(new AnalyzerHandshakeRequest()));
    }

    [Fact]
    public async Task ConfigureStackIsAcceptedAndAnalysisDoesNotDependOnIt()
    {
        await using var server = await AnalyzerServer.StartAsync();
        var before = await server.Client.AnalyzeStackAsync(Stack.StackRequest("ecr-api"));
        var request = new AnalyzerStackConfigureRequest { Stack = "prod", Project = "fargate-network", Organization = "org", DryRun = true };
        request.Config["aws:region"] = "ap-northeast-1";
        request.ConfigSecretKeys.Add("fargate-network:dbPassword");
        request.Tags["team"] = "network";
        Assert.NotNull(await server.Client.ConfigureStackAsync(request));
        var after = await server.Client.AnalyzeStackAsync(Stack.StackRequest("ecr-api"));
        Assert.Equal(2, before.Diagnostics.Count);
        Assert.Equal(before.Diagnostics, after.Diagnostics);
    }

    [Fact]
    public async Task GetPluginInfoReturnsThePackVersionAsSemver()
    {
        await using var server = await AnalyzerServer.StartAsync();
        var info = await server.Client.GetPluginInfoAsync(new Empty());
        Assert.Matches(@"^\d+\.\d+\.\d+$", info.Version);
        Assert.Equal(FargatePack.PackVersion, info.Version);
    }

    [Fact]
    public async Task GetAnalyzerInfoListsEveryPolicyWithLevelTypeAndObjectSchemas()
    {
        await using var server = await AnalyzerServer.StartAsync();
        var info = await server.Client.GetAnalyzerInfoAsync(new Empty());
        Assert.Equal("fargate-network", info.Name);
        Assert.Equal(FargatePack.PackVersion, info.Version);
        Assert.True(info.SupportsConfig);
        Assert.NotEmpty(info.Description);
        Assert.Equal(FargatePack.Policies.Select(p => p.Name), info.Policies.Select(p => p.Name));
        foreach (var (wire, pack) in info.Policies.Zip(FargatePack.Policies))
        {
            Assert.Equal(pack.DisplayName, wire.DisplayName);
            Assert.Equal(pack.Description, wire.Description);
            Assert.Equal(pack.EnforcementLevel == StackRules.EnforcementLevel.Mandatory ? WireLevel.Mandatory : WireLevel.Advisory, wire.EnforcementLevel);
            Assert.Equal(pack.Scope == PolicyScope.Resource ? PolicyType.Resource : PolicyType.Stack, wire.PolicyType);
            var schemaProperties = pack.ConfigSchema["properties"]?.AsObject() ?? [];
            Assert.Equal(schemaProperties.Select(p => p.Key).Order(), wire.ConfigSchema.Properties.Fields.Keys.Order());
            // The engine casts each schema property to a JSON object.
            Assert.All(wire.ConfigSchema.Properties.Fields.Values, v => Assert.Equal(Value.KindOneofCase.StructValue, v.KindCase));
        }

        Assert.Contains(info.Policies, p => p.ConfigSchema.Properties.Fields.ContainsKey("platformVersion"));
    }

    [Fact]
    public async Task ConfigureSetsLevelsAndPropertiesAndDisabledPoliciesReportNothing()
    {
        await using var server = await AnalyzerServer.StartAsync();
        // The engine passes the file's "all" entry through as well (Pulumi's --policy-pack-config handling); per-policy entries win.
        await server.Client.ConfigureAsync(Config(("all", WireLevel.Mandatory, null), (PolicyNames.PrivateFargateSubnetEndpoints, WireLevel.Advisory, null)));
        var advisory = await server.Client.AnalyzeStackAsync(Stack.StackRequest("ecr-api"));
        Assert.Equal(2, advisory.Diagnostics.Count);
        Assert.All(advisory.Diagnostics, d => Assert.Equal(WireLevel.Advisory, d.EnforcementLevel));

        await server.Client.ConfigureAsync(Config((PolicyNames.PrivateFargateSubnetEndpoints, WireLevel.Disabled, null)));
        var disabled = await server.Client.AnalyzeStackAsync(Stack.StackRequest("ecr-api"));
        Assert.DoesNotContain(disabled.Diagnostics, d => d.PolicyName == PolicyNames.PrivateFargateSubnetEndpoints);
        Assert.DoesNotContain(disabled.Diagnostics, d => d.EnforcementLevel == WireLevel.Disabled);

        // Configure replaces the whole config: back to the default (mandatory).
        await server.Client.ConfigureAsync(Config((PolicyNames.PrivateFargateSubnetEndpoints, WireLevel.Remediate, null)));
        var remediate = await server.Client.AnalyzeStackAsync(Stack.StackRequest("ecr-api"));
        Assert.All(remediate.Diagnostics, d => Assert.Equal(WireLevel.Mandatory, d.EnforcementLevel));

        // A property changes what the rule checks: platform version 1.3.0 needs no ecr.api endpoint.
        await server.Client.ConfigureAsync(Config((PolicyNames.PrivateFargateSubnetEndpoints, WireLevel.Mandatory, new JsonObject { ["platformVersion"] = "1.3.0" })));
        var old = await server.Client.AnalyzeStackAsync(Stack.StackRequest("ecr-api"));
        Assert.Empty(old.Diagnostics);
    }

    [Fact]
    public async Task ConfigureWithAnInvalidPropertyIsInvalidArgumentNamingThePolicy()
    {
        await using var server = await AnalyzerServer.StartAsync();
        var e = await Assert.ThrowsAsync<RpcException>(async () =>
            await server.Client.ConfigureAsync(Config((PolicyNames.PrivateFargateSubnetEndpoints, WireLevel.Mandatory, new JsonObject { ["noSuchKnob"] = 1 }))));
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Contains(PolicyNames.PrivateFargateSubnetEndpoints, e.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("noSuchKnob", e.Status.Detail, StringComparison.Ordinal);

        var unknownPolicy = await Assert.ThrowsAsync<RpcException>(async () => await server.Client.ConfigureAsync(Config(("no-such-policy", WireLevel.Mandatory, null))));
        Assert.Equal(StatusCode.InvalidArgument, unknownPolicy.StatusCode);
        Assert.Contains("no-such-policy", unknownPolicy.Status.Detail, StringComparison.Ordinal);

        // The failed Configure left the previous (default) config in place.
        Assert.Equal(2, (await server.Client.AnalyzeStackAsync(Stack.StackRequest("ecr-api"))).Diagnostics.Count);
    }

    [Fact]
    public async Task AnalyzeRunsResourcePoliciesOnInputsAndStaysSilentOnUnknowns()
    {
        await using var server = await AnalyzerServer.StartAsync();
        var agent = Stack.With("ecr-api", "serviceName", "com.amazonaws.ap-northeast-1.ecs-agent").With("ecr-api", "policy", "{\"Statement\":[]}");
        var request = agent.Resources().Single(r => r.Inputs.Name == "ecr-api").Inputs;
        var response = await server.Client.AnalyzeAsync(request);
        var diagnostic = Assert.Single(response.Diagnostics);
        Assert.Equal(PolicyNames.EcsEndpointPolicyUnsupported, diagnostic.PolicyName);
        Assert.Equal("fargate-network", diagnostic.PolicyPackName);
        Assert.Equal(FargatePack.PackVersion, diagnostic.PolicyPackVersion);
        Assert.Equal(request.Urn, diagnostic.Urn);
        Assert.Equal(WireLevel.Advisory, diagnostic.EnforcementLevel);
        Assert.StartsWith(diagnostic.Description + "\n", diagnostic.Message, StringComparison.Ordinal);

        var unknownPolicy = agent.With("ecr-api", "policy", PreviewFixture.Unknown).Resources().Single(r => r.Inputs.Name == "ecr-api").Inputs;
        Assert.Empty((await server.Client.AnalyzeAsync(unknownPolicy)).Diagnostics);

        var secretPolicy = agent.With("ecr-api", "policy", new JsonObject { ["$secret"] = "{\"Statement\":[\"hidden-statement\"]}" })
            .Resources().Single(r => r.Inputs.Name == "ecr-api").Inputs;
        var secret = Assert.Single((await server.Client.AnalyzeAsync(secretPolicy)).Diagnostics);
        Assert.DoesNotContain("hidden-statement", secret.Message, StringComparison.Ordinal);

        // Stack policies never run in Analyze: the broken stack's resources report nothing there.
        foreach (var (inputs, _) in Stack.Resources("ecr-api"))
        {
            Assert.Empty((await server.Client.AnalyzeAsync(inputs)).Diagnostics);
        }
    }

    [Fact]
    public async Task AnalyzeStackLinksResourcesThroughPropertyDependencies()
    {
        await using var server = await AnalyzerServer.StartAsync();
        Assert.Empty((await server.Client.AnalyzeStackAsync(Stack.StackRequest())).Diagnostics);

        var broken = await server.Client.AnalyzeStackAsync(Stack.StackRequest("ecr-api"));
        Assert.Equal(2, broken.Diagnostics.Count);
        Assert.All(broken.Diagnostics, d =>
        {
            Assert.Equal(PolicyNames.PrivateFargateSubnetEndpoints, d.PolicyName);
            Assert.Equal(Service, d.Urn);
            Assert.Equal(WireLevel.Mandatory, d.EnforcementLevel);
            Assert.Contains("ecr.api", d.Message, StringComparison.Ordinal);
        });
        Assert.Equal(["task-a", "task-c"], broken.Diagnostics.Select(d => d.Message.Contains("subnet task-a", StringComparison.Ordinal) ? "task-a" : "task-c").Order());

        // Without propertyDependencies every id is unknown: unknown is never a violation by itself.
        var unlinked = Stack.StackRequest("ecr-api");
        foreach (var r in unlinked.Resources)
        {
            r.PropertyDependencies.Clear();
        }

        Assert.Empty((await server.Client.AnalyzeStackAsync(unlinked)).Diagnostics);
    }

    [Fact]
    public async Task SecretsAreEvaluatedButNeverEchoed()
    {
        await using var server = await AnalyzerServer.StartAsync();
        var secretAz = Stack.With("task-a", "availabilityZone", new JsonObject { ["$secret"] = "ap-northeast-1a" });
        var response = await server.Client.AnalyzeStackAsync(secretAz.StackRequest("ecr-api"));
        Assert.Equal(2, response.Diagnostics.Count);
        Assert.All(response.Diagnostics, d => Assert.DoesNotContain("ap-northeast-1a", d.Message, StringComparison.Ordinal));
        Assert.All(response.Diagnostics, d => Assert.DoesNotContain("s3cr3t-token-do-not-print", d.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RemediateReturnsNoRemediation()
    {
        await using var server = await AnalyzerServer.StartAsync();
        foreach (var (inputs, _) in Stack.Resources())
        {
            var response = await server.Client.RemediateAsync(inputs);
            Assert.Empty(response.Remediations);
        }
    }

    [Fact]
    public async Task CancelAnswersAndStopsTheServer()
    {
        await using var server = await AnalyzerServer.StartAsync();
        var stopping = new TaskCompletionSource();
        server.Host.Stopping.Register(() => stopping.TrySetResult());
        Assert.NotNull(await server.Client.CancelAsync(new Empty()));
        Assert.Same(stopping.Task, await Task.WhenAny(stopping.Task, Task.Delay(TimeSpan.FromSeconds(5))));
    }

    private static ConfigureAnalyzerRequest Config(params (string Policy, WireLevel Level, JsonObject? Properties)[] entries)
    {
        var request = new ConfigureAnalyzerRequest();
        foreach (var (policy, level, properties) in entries)
        {
            request.PolicyConfig[policy] = new StackRules.Host.Analyzer.Protocol.PolicyConfig { EnforcementLevel = level, Properties = PreviewFixture.ToStruct(properties ?? []) };
        }

        return request;
    }
}
