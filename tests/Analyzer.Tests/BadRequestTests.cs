using FargateNetwork.Policies.Pack;
using StackRules.Host.Analyzer.Protocol;
using EnforcementLevel = StackRules.Host.Analyzer.Protocol.EnforcementLevel;
using PolicyConfig = StackRules.Host.Analyzer.Protocol.PolicyConfig;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace FargateNetwork.Analyzer.Tests;

/// <summary>Requests the engine should never send: each gets a diagnostic or a gRPC error, and the server lives on.</summary>
public sealed class BadRequestTests
{
    private static readonly PreviewFixture Stack = PreviewFixture.Load();

    [Fact]
    public async Task MissingFieldsAreInvalidArgumentNotACrash()
    {
        await using var server = await AnalyzerServer.StartAsync();
        var analyze = await Assert.ThrowsAsync<RpcException>(async () => await server.Client.AnalyzeAsync(new AnalyzeRequest()));
        Assert.Equal(StatusCode.InvalidArgument, analyze.StatusCode);
        Assert.Contains("urn", analyze.Status.Detail, StringComparison.Ordinal);

        var stack = new AnalyzeStackRequest();
        stack.Resources.Add(new AnalyzerResource { Type = "aws:ec2/vpc:Vpc" });
        var analyzeStack = await Assert.ThrowsAsync<RpcException>(async () => await server.Client.AnalyzeStackAsync(stack));
        Assert.Equal(StatusCode.InvalidArgument, analyzeStack.StatusCode);
        Assert.Contains("resource #0", analyzeStack.Status.Detail, StringComparison.Ordinal);

        // No properties, no options, no provider: an empty bag, not an error.
        var bare = await server.Client.AnalyzeAsync(new AnalyzeRequest { Urn = "urn:pulumi:s::p::aws:ec2/vpc:Vpc::v", Type = "aws:ec2/vpc:Vpc" });
        Assert.Empty(bare.Diagnostics);
        Assert.Empty((await server.Client.AnalyzeStackAsync(new AnalyzeStackRequest())).Diagnostics);
        Assert.NotNull(await server.Client.ConfigureAsync(new ConfigureAnalyzerRequest()));
        await AssertAlive(server);
    }

    [Fact]
    public async Task MalformedStructsAreDecodedOrRejected()
    {
        await using var server = await AnalyzerServer.StartAsync();
        var weird = new Struct();
        weird.Fields["noKind"] = new Value();
        weird.Fields["badSignature"] = Value.ForStruct(new Struct { Fields = { [PulumiSignatures.Key] = Value.ForNumber(42) } });
        weird.Fields["asset"] = Value.ForStruct(new Struct { Fields = { [PulumiSignatures.Key] = Value.ForString("c44067f5952c0a294b673a41bacd8c17"), ["text"] = Value.ForString("x") } });
        weird.Fields["secretWithoutValue"] = Value.ForStruct(new Struct { Fields = { [PulumiSignatures.Key] = Value.ForString(PulumiSignatures.Secret) } });
        weird.Fields["subnetIds"] = Value.ForNumber(double.NaN);
        foreach (var type in new[] { "aws:ec2/vpcEndpoint:VpcEndpoint", "aws:ecs/service:Service", "aws:ec2/subnet:Subnet", "aws:ecs/taskDefinition:TaskDefinition" })
        {
            var response = await server.Client.AnalyzeAsync(new AnalyzeRequest { Urn = $"urn:pulumi:s::p::{type}::x", Type = type, Properties = weird });
            Assert.Empty(response.Diagnostics);
            var stack = new AnalyzeStackRequest();
            stack.Resources.Add(new AnalyzerResource { Urn = $"urn:pulumi:s::p::{type}::x", Type = type, Properties = weird });
            Assert.Empty((await server.Client.AnalyzeStackAsync(stack)).Diagnostics);
        }

        // Deeper than the pack's nesting limit (512 property levels, far deeper than any provider schema): a bad
        // request, INVALID_ARGUMENT; 150 levels (past Google.Protobuf's default of 100 messages) are analyzed.
        Struct Deep(int depth)
        {
            var deep = new Struct();
            var inner = deep;
            for (var i = 0; i < depth; i++)
            {
                var next = new Struct();
                inner.Fields["x"] = Value.ForStruct(next);
                inner = next;
            }

            return deep;
        }

        var vpc = new AnalyzeRequest { Urn = "urn:pulumi:s::p::aws:ec2/vpc:Vpc::v", Type = "aws:ec2/vpc:Vpc" };
        Assert.Empty((await server.Client.AnalyzeAsync(new AnalyzeRequest(vpc) { Properties = Deep(150) })).Diagnostics);
        var e = await Assert.ThrowsAsync<RpcException>(async () => await server.Client.AnalyzeAsync(new AnalyzeRequest(vpc) { Properties = Deep(600) }));
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        await AssertAlive(server);
    }

    [Fact]
    public async Task DuplicateUrnsAndDanglingDependenciesAreNotACrash()
    {
        await using var server = await AnalyzerServer.StartAsync();
        var twice = Stack.StackRequest("ecr-api");
        twice.Resources.AddRange(Stack.StackRequest("ecr-api").Resources);
        Assert.NotEmpty((await server.Client.AnalyzeStackAsync(twice)).Diagnostics);

        // Every dependency names a resource that is not in the request: the ids stay unknown, nothing is reported.
        var dangling = Stack.StackRequest("ecr-api");
        foreach (var deps in dangling.Resources.SelectMany(r => r.PropertyDependencies.Values))
        {
            for (var i = 0; i < deps.Urns.Count; i++)
            {
                deps.Urns[i] += "-missing";
            }
        }

        Assert.Empty((await server.Client.AnalyzeStackAsync(dangling)).Diagnostics);
        await AssertAlive(server);
    }

    [Fact]
    public async Task GarbageBytesAreAGrpcError()
    {
        await using var server = await AnalyzerServer.StartAsync();
        var marshaller = Marshallers.Create<byte[]>(b => b, b => b);
        var method = new Method<byte[], byte[]>(MethodType.Unary, "pulumirpc.Analyzer", "Analyze", marshaller, marshaller);
        var e = await Assert.ThrowsAsync<RpcException>(async () =>
            await server.Channel.CreateCallInvoker().AsyncUnaryCall(method, null, new CallOptions(), [0xff, 0xff, 0xff, 0xff, 0x0f, 0x12]));
        Assert.NotEqual(StatusCode.OK, e.StatusCode);
        await AssertAlive(server);
    }

    [Fact]
    public async Task UnknownEverywhereReportsNothing()
    {
        await using var server = await AnalyzerServer.StartAsync();
        var request = Stack.StackRequest("ecr-api");
        foreach (var resource in request.Resources)
        {
            Replace(resource.Properties, _ => Value.ForString(PreviewFixture.Unknown));
            Assert.Empty((await server.Client.AnalyzeAsync(new AnalyzeRequest { Urn = resource.Urn, Type = resource.Type, Name = resource.Name, Properties = resource.Properties })).Diagnostics);
        }

        Assert.Empty((await server.Client.AnalyzeStackAsync(request)).Diagnostics);
    }

    [Fact]
    public async Task SecretsEverywhereAreEvaluatedLikePlainValues()
    {
        await using var server = await AnalyzerServer.StartAsync();
        var plain = await server.Client.AnalyzeStackAsync(Stack.StackRequest("ecr-api"));
        var request = Stack.StackRequest("ecr-api");
        foreach (var resource in request.Resources)
        {
            Replace(resource.Properties, v => Value.ForStruct(new Struct { Fields = { [PulumiSignatures.Key] = Value.ForString(PulumiSignatures.Secret), ["value"] = v } }));
        }

        var secret = await server.Client.AnalyzeStackAsync(request);
        Assert.Equal(plain.Diagnostics.Select(d => (d.PolicyName, d.Urn)), secret.Diagnostics.Select(d => (d.PolicyName, d.Urn)));
        // Every value was secret, so no value may appear: the CIDRs, AZs and service names of the stack.
        foreach (var hidden in new[] { "10.0.1.0/24", "ap-northeast-1a", "ap-northeast-1c", "/ecs/app" })
        {
            Assert.All(secret.Diagnostics, d => Assert.DoesNotContain(hidden, d.Message, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task TenThousandResourcesAreAnalyzed()
    {
        await using var server = await AnalyzerServer.StartAsync();
        var request = new AnalyzeStackRequest();
        var copies = 0;
        while (request.Resources.Count < 10_000)
        {
            var copy = Stack.StackRequest("ecr-api");
            foreach (var r in copy.Resources)
            {
                Rename(r, copies);
            }

            request.Resources.AddRange(copy.Resources);
            copies++;
        }

        var response = await server.Client.AnalyzeStackAsync(request);
        // Every copy of the broken stack is its own network: two findings per copy.
        Assert.Equal(2 * copies, response.Diagnostics.Count);
        Assert.Equal(copies, response.Diagnostics.Select(d => d.Urn).Distinct().Count());
        await AssertAlive(server);
    }

    [Theory]
    [InlineData("nan")]
    [InlineData("no-kind")]
    public async Task ConfigPropertiesJsonCannotHoldAreInvalidArgumentNamingThePolicy(string shape)
    {
        await using var server = await AnalyzerServer.StartAsync();
        var properties = new Struct();
        properties.Fields["pullsPerDay"] = shape == "nan" ? Value.ForNumber(double.NaN) : new Value();
        var request = new ConfigureAnalyzerRequest();
        request.PolicyConfig["image-pulls-through-nat"] = new PolicyConfig { EnforcementLevel = EnforcementLevel.Advisory, Properties = properties };

        var e = await Assert.ThrowsAsync<RpcException>(async () => await server.Client.ConfigureAsync(request));
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Contains("image-pulls-through-nat", e.Status.Detail, StringComparison.Ordinal);
        await AssertAlive(server);
    }

    [Fact]
    public async Task ConcurrentAnalyzeCallsAgree()
    {
        await using var server = await AnalyzerServer.StartAsync();
        var agent = Stack.With("ecr-api", "serviceName", "com.amazonaws.ap-northeast-1.ecs-agent").With("ecr-api", "policy", "{}")
            .With("ecr-api", "policy", "{\"Statement\":[]}");
        var requests = agent.Resources().Select(r => r.Inputs).ToList();
        var calls = Enumerable.Range(0, 200).Select(i => server.Client.AnalyzeAsync(requests[i % requests.Count]).ResponseAsync);
        var responses = await Task.WhenAll(calls);
        for (var i = 0; i < responses.Length; i++)
        {
            var expected = requests[i % requests.Count].Name == "ecr-api" ? 1 : 0;
            Assert.Equal(expected, responses[i].Diagnostics.Count);
        }

        var stacks = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => server.Client.AnalyzeStackAsync(Stack.StackRequest("ecr-api")).ResponseAsync));
        Assert.All(stacks, s => Assert.Equal(2, s.Diagnostics.Count));
    }

    private static async Task AssertAlive(AnalyzerServer server) =>
        Assert.Equal(FargatePack.PackVersion, (await server.Client.GetPluginInfoAsync(new Empty())).Version);

    private static void Replace(Struct properties, Func<Value, Value> replace)
    {
        foreach (var key in properties.Fields.Keys.ToList())
        {
            properties.Fields[key] = replace(properties.Fields[key]);
        }
    }

    private static void Rename(AnalyzerResource resource, int copy)
    {
        string Suffix(string urn) => $"{urn}-{copy}";
        resource.Urn = Suffix(resource.Urn);
        resource.Name = $"{resource.Name}-{copy}";
        for (var i = 0; i < resource.Dependencies.Count; i++)
        {
            resource.Dependencies[i] = Suffix(resource.Dependencies[i]);
        }

        foreach (var deps in resource.PropertyDependencies.Values)
        {
            for (var i = 0; i < deps.Urns.Count; i++)
            {
                deps.Urns[i] = Suffix(deps.Urns[i]);
            }
        }
    }
}
