
namespace FargateNetwork.Infra.Tests;

/// <summary>
/// Every type token and property name the compiler emits exists in the pinned pulumi-aws (read from the published
/// npm package), for dev, prod, discovery mode (every option on) and a public-nat-egress config with every option on.
/// Nested inputs (networkConfiguration, ecsTarget, ingress/egress, loadBalancers, defaultActions) are checked too.
/// </summary>
public class ProviderTruthTests
{
    public static TheoryData<string> Templates() => ["dev", "prod", "discovery", "public-all-options"];

    [Fact]
    public void PinnedVersionIsTheInstalledPackageVersion()
    {
        Assert.Equal("7.48.0", ProviderSchema.Aws.Version);
        Assert.Equal(ProviderPin.AwsVersion, ProviderSchema.Aws.Version);
        var packageJson = File.ReadAllText(FargateNetwork.Tests.Shared.RepositoryRoot.File("package.json"));
        Assert.Contains($"\"@pulumi/aws\": \"{ProviderPin.AwsVersion}\"", packageJson, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void EveryTypeAndPropertyExistsInTheProvider(string name)
    {
        var template = Load(name);
        var problems = new List<string>();
        foreach (var resource in template.Resources.Values)
        {
            Assert.Equal(ProviderPin.AwsVersion, resource.Options["version"]);
            var args = ProviderSchema.Aws.ResourceArgs(resource.Type);
            if (args is null)
            {
                problems.Add($"{resource.Name}: type {resource.Type} does not exist in @pulumi/aws {ProviderSchema.Aws.Version}");
                continue;
            }

            Check($"{resource.Name}", resource.Properties, args, problems);
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void TheCheckerRejectsAWrongTokenAndAWrongProperty()
    {
        Assert.Null(ProviderSchema.Aws.ResourceArgs("aws:ec2/vpcEndpoint:VpcEndpoints"));
        Assert.Null(ProviderSchema.Aws.ResourceArgs("awsx:ec2:Vpc"));
        var args = ProviderSchema.Aws.ResourceArgs("aws:ec2/vpc:Vpc")!;
        Assert.Contains("enableDnsHostnames", args.Keys);
        Assert.DoesNotContain("enableDnsHostName", args.Keys);
        var problems = new List<string>();
        Check("x", new Dictionary<string, object?> { ["networkConfiguration"] = new Dictionary<string, object?> { ["subnetIds"] = new List<object?>() } }, ProviderSchema.Aws.ResourceArgs("aws:ecs/service:Service")!, problems);
        Assert.Equal(["x.networkConfiguration.subnetIds: not an input of inputs.ecs.ServiceNetworkConfiguration"], problems);
    }

    [Fact]
    public void EveryEmittedTypeTokenIsACoreTokenAndReal()
    {
        var tokens = typeof(AwsTypes).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToHashSet();
        var emitted = Load("discovery").Resources.Values.Select(r => r.Type).Concat(Load("dev").Resources.Values.Select(r => r.Type)).ToHashSet();
        Assert.Subset(tokens, emitted);
        Assert.All(emitted, t => Assert.NotNull(ProviderSchema.Aws.ResourceArgs(t)));
    }

    internal static ParsedTemplate Load(string name) => name switch
    {
        "dev" or "prod" => TestCompiler.Stack(name),
        "discovery" => TestCompiler.Run(new Dictionary<string, string?>()).Template,
        _ => TestCompiler.RunMode(NetworkInvariantTests.Config("public-nat-egress", 3, "10.0.0.0/16", "perAz", true)).Template,
    };

    private static void Check(string path, Dictionary<string, object?> properties, Dictionary<string, string> members, List<string> problems, string? typeName = null)
    {
        foreach (var (key, value) in properties)
        {
            if (!members.TryGetValue(key, out var typeText))
            {
                problems.Add($"{path}.{key}: not an input of {typeName ?? "the resource"}");
                continue;
            }

            if (ProviderSchema.NestedType(typeText) is not { } nested || IsFunctionCall(value))
            {
                continue;
            }

            var nestedMembers = ProviderSchema.Aws.InputType(nested.Module, nested.Name);
            if (nestedMembers is null)
            {
                problems.Add($"{path}.{key}: input type {nested.Module}.{nested.Name} not found");
                continue;
            }

            var items = value switch
            {
                Dictionary<string, object?> map => [map],
                List<object?> list => list.OfType<Dictionary<string, object?>>().ToList(),
                _ => [],
            };
            foreach (var item in items)
            {
                Check($"{path}.{key}", item, nestedMembers, problems, $"inputs.{nested.Module}.{nested.Name}");
            }
        }
    }

    private static bool IsFunctionCall(object? value) =>
        value is Dictionary<string, object?> map && map.Count == 1 && map.Keys.Single().StartsWith("fn::", StringComparison.Ordinal);
}
