using System.Text.Json.Nodes;
using FargateNetwork.Policies.Contract;
using StackRules;
using StackRules.Inputs;
using FargateNetwork.Policies.Pack;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FargateNetwork.Infra.Tests.Plan;

/// <summary>
/// The compiler runs the policy pack on its own output: it never prints a stack its pack rejects, and a refusal names
/// the config key to change. The oracle is the AWS fact, not the compiler: VPC endpoints serve only their own Region
/// and only AWS services, so private-endpoints tasks can start only with an image in the Region's private ECR and
/// secrets in the Region (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/vpc-endpoints.html).
/// </summary>
public class PackVerdictTests
{
    private const string RegionalImage = "111122223333.dkr.ecr.ap-northeast-1.amazonaws.com/app:1.0";
    private const string LocalSecret = "arn:aws:secretsmanager:ap-northeast-1:111122223333:secret:db-AbCdEf";
    private const string RemoteSecret = "arn:aws:secretsmanager:us-east-1:111122223333:secret:db-AbCdEf";

    private static readonly string[] Images =
    [
        RegionalImage,
        "111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:1.0",
        "nginx:1.27",
        "public.ecr.aws/nginx/nginx:1.27",
    ];

    [Theory]
    [InlineData("nginx:1.27", null, "fargate-network:workload.image")]
    [InlineData("public.ecr.aws/nginx/nginx:1.27", null, "fargate-network:workload.image")]
    [InlineData("111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:1.0", null, "fargate-network:workload.image")]
    [InlineData(RegionalImage, RemoteSecret, "fargate-network:workload.secrets")]
    public void APrivateEndpointsStackWhoseTasksCannotStartIsRefusedNamingTheKey(string image, string? secret, string key)
    {
        var result = TestCompiler.RunMode(Config("private-endpoints", 2, image, secret, nat: false));
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout);
        var problems = Problems(result.Stderr);
        var problem = Assert.Single(problems);
        Assert.StartsWith($"fargate-network: config {key}: ", problem, StringComparison.Ordinal);
        Assert.Contains("Fix: ", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(image, problem, StringComparison.Ordinal);
        if (secret is not null)
        {
            Assert.DoesNotContain(secret, problem, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("nginx:1.27", null)]
    [InlineData(RegionalImage, RemoteSecret)]
    public void TheSameWorkloadStartsFromPublicSubnets(string image, string? secret) =>
        Assert.Equal(0, TestCompiler.RunMode(Config("public-nat-egress", 2, image, secret, nat: true)).ExitCode);

    [Property(MaxTest = 60)]
    public Property EveryCompiledStackPassesThePackAndEveryRefusalNamesAKey(byte imageSeed, byte secretSeed, bool privateEndpoints, byte zoneSeed, bool nat)
    {
        var image = Images[imageSeed % Images.Length];
        var secret = (secretSeed % 3) switch { 0 => null, 1 => LocalSecret, _ => RemoteSecret };
        var topology = privateEndpoints ? "private-endpoints" : "public-nat-egress";
        var result = TestCompiler.RunMode(Config(topology, 1 + (zoneSeed % 3), image, secret, nat || !privateEndpoints));
        var cannotStart = privateEndpoints && (image != RegionalImage || secret == RemoteSecret);
        if (result.ExitCode == 0)
        {
            var resources = StackInput.Parse(result.Stdout, "compiled", "compiled", FargatePack.References).Resources;
            var mandatory = FargatePack.Create(null).Evaluate(resources).Violations.Count(v => v.Level == EnforcementLevel.Mandatory);
            return (!cannotStart && mandatory == 0).Label($"compiled with {mandatory} mandatory violation(s); cannot start: {cannotStart}");
        }

        var problems = Problems(result.Stderr);
        return (result.ExitCode == 1 && cannotStart && result.Stdout.Length == 0 && problems.Count > 0
                && problems.All(p => p.StartsWith("fargate-network: config fargate-network:workload.", StringComparison.Ordinal)))
            .Label(result.Stderr);
    }

    private static List<string> Problems(string stderr) =>
        stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("fargate-network: warning", StringComparison.Ordinal)).ToList();

    private static TestConfig Config(string topology, int zones, string image, string? secret, bool nat)
    {
        string[] all = ["ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d"];
        var config = new TestConfig()
            .Set("aws:region", "ap-northeast-1")
            .Set("fargate-network:topology", topology)
            .Structured("availabilityZones", new JsonArray([.. all.Take(zones).Select(z => (JsonNode?)JsonValue.Create(z))]));
        if (nat)
        {
            config.Structured("fixedEgress", new JsonObject { ["destinations"] = new JsonArray("52.0.0.0/24"), ["natGateways"] = "single" });
        }

        var workload = new JsonObject { ["image"] = image };
        if (secret is not null)
        {
            workload["secrets"] = new JsonArray(new JsonObject { ["name"] = "DB", ["valueFrom"] = secret });
        }

        return config.Structured("workload", workload);
    }
}
