using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FargateNetwork.Aws.Tests;

/// <summary>What a task needs from its <see cref="TaskSpec"/>; the pack's tests read the same model from whole stacks.</summary>
public class TaskNeedsTests
{
    private const string Region = "ap-northeast-1";
    private const string LocalImage = "111122223333.dkr.ecr.ap-northeast-1.amazonaws.com/app:1.0";
    private const string RemoteImage = "111122223333.dkr.ecr.us-east-1.amazonaws.com/app:1.0";

    private static ContainerSpec Container(string image = LocalImage, params SecretSource[] secrets) =>
        new(ContainerImage.Parse(image)) { Awslogs = Switch.On, AwslogsRegion = Region, Secrets = secrets };

    private static TaskSpec Spec(params ContainerSpec[] containers) => new() { Containers = containers, VpcRegion = Region };

    private static List<string> Names(TaskSpec spec) =>
        TaskNeeds.Of(spec).Select(n => n.Service is null ? "internet" : n.Region is null ? n.Service : $"{n.Service} ({n.Region})").ToList();

    [Fact]
    public void AnEcrImageOfTheRegionNeedsTheManifestTheTokenTheLayersAndLogs()
    {
        var needs = TaskNeeds.Of(Spec(Container()));
        Assert.Equal(["ecr.dkr", "ecr.api", "s3", "logs"], needs.Select(n => n.Service));
        Assert.All(needs, n => Assert.Null(n.Region));
        Assert.Contains("unable to retrieve ecr registry auth", needs[1].Error, StringComparison.Ordinal);
        Assert.Contains("CannotPullContainerError", needs[0].Error, StringComparison.Ordinal);
        Assert.Contains("failed to validate logger args", needs[3].Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.3.0", "ecr.dkr s3 logs")]
    [InlineData("1.4.0", "ecr.dkr ecr.api s3 logs secretsmanager ssm")]
    public void SecretsAndTheTokenGoThroughTheTaskEniFromPlatform140(string version, string expected)
    {
        var spec = Spec(Container(LocalImage, new SecretSource(SecretStore.SecretsManager), SecretSource.FromValueFrom("/app/key"))) with { PlatformVersion = PlatformVersion.Of(version) };
        Assert.Equal(expected.Split(' '), Names(spec));
    }

    [Fact]
    public void AnUnknownPlatformVersionAddsNeitherTheTokenNorTheSecrets() =>
        Assert.Equal(["ecr.dkr", "s3", "logs"], Names(Spec(Container(LocalImage, new SecretSource(SecretStore.SecretsManager))) with { PlatformVersion = PlatformVersion.Unknown }));

    [Theory]
    [InlineData("nginx:1.27")]
    [InlineData("public.ecr.aws/nginx/nginx:1.27")]
    public void AnImageOfAnotherRegistryNeedsTheInternetAndNoEcr(string image)
    {
        var need = Assert.Single(TaskNeeds.Of(Spec(Container(image))), n => n.Service != "logs");
        Assert.Null(need.Service);
        Assert.Contains(image, need.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEcrImageOfAnotherRegionNeedsThatRegionsEcrThroughTheInternet() =>
        Assert.Equal(["ecr.dkr (us-east-1)", "logs"], Names(Spec(Container(RemoteImage))));

    [Fact]
    public void AnUnknownOrUnreadImageIsTakenForEcr()
    {
        Assert.Equal(["ecr.dkr", "ecr.api", "s3"], Names(Spec(new ContainerSpec(ContainerImage.Unknown))));
        Assert.Equal(["ecr.dkr", "ecr.api", "s3"], Names(new TaskSpec { VpcRegion = Region }));
        Assert.Equal(["ecr.dkr", "ecr.api", "s3"], Names(Spec()));
    }

    [Fact]
    public void EachDestinationIsNeededOnce() =>
        Assert.Equal(["ecr.dkr", "ecr.api", "s3", "logs", "internet"], Names(Spec(Container(), Container("nginx:1"), Container("busybox:1"), Container())));

    [Fact]
    public void LogsFollowAwslogsRegionAndASecretRegionIsNeverShown()
    {
        Assert.Equal(["ecr.dkr", "ecr.api", "s3", "logs (eu-west-1)"], Names(Spec(Container() with { AwslogsRegion = "eu-west-1" })));

        var secret = TaskNeeds.Of(Spec(Container() with { AwslogsRegion = "eu-west-1", AwslogsRegionIsSecret = true, LogDriverIsSecret = true }))[^1];
        Assert.Equal(("logs", "[secret]"), (secret.Service, secret.Region));
        Assert.DoesNotContain("eu-west-1", secret.Why, StringComparison.Ordinal);
        Assert.Contains("the [secret] log driver", secret.Why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Switch.Off)]
    [InlineData(Switch.Unknown)]
    public void NoAwslogsNoLogs(Switch awslogs) =>
        Assert.DoesNotContain("logs", Names(Spec(Container() with { Awslogs = awslogs })));

    [Fact]
    public void SecretsOfAnotherRegionNeedItsStoreThroughTheInternet()
    {
        var container = Container(LocalImage, SecretSource.FromValueFrom("arn:aws:secretsmanager:us-east-1:111122223333:secret:db-AbCdEf"), SecretSource.FromValueFrom("arn:aws:ssm:ap-northeast-1:111122223333:parameter/p"));
        Assert.Equal(["ecr.dkr", "ecr.api", "s3", "logs", "secretsmanager (us-east-1)", "ssm"], Names(Spec(container)));
        Assert.Equal(["ecr.dkr", "ecr.api", "s3", "logs", "secretsmanager", "ssm"], Names(Spec(container) with { VpcRegion = null }));
    }

    [Fact]
    public void ExecNeedsSsmMessages()
    {
        Assert.Contains("ssmmessages", Names(Spec(Container()) with { ExecuteCommand = Switch.On }));
        Assert.DoesNotContain("ssmmessages", Names(Spec(Container()) with { ExecuteCommand = Switch.Unknown }));
    }

    [Fact]
    public void ServiceConnectNeedsTheAgentEndpointAndEc2TheAgentTelemetryAndEcs()
    {
        Assert.Equal("ecs-agent", Names(Spec(Container()) with { ServiceConnect = Switch.On })[^1]);
        var ec2 = Names(Spec(Container()) with { LaunchType = LaunchType.Ec2, ServiceConnect = Switch.On, PlatformVersion = PlatformVersion.Unknown });
        Assert.Equal(["ecr.dkr", "ecr.api", "s3", "logs", "ecs-agent", "ecs-telemetry", "ecs"], ec2);
    }

    /// <summary>An unknown setting never adds a need that the same setting, known, would not add.</summary>
    [Property(MaxTest = 200)]
    public Property AnUnknownSettingAddsNoNeed(bool exec, bool serviceConnect, bool awslogs, bool latest, bool ec2, byte unknownSeed)
    {
        ContainerSpec container = Container(LocalImage, new SecretSource(SecretStore.SecretsManager)) with { Awslogs = awslogs ? Switch.On : Switch.Off };
        var known = Spec(container) with
        {
            LaunchType = ec2 ? LaunchType.Ec2 : LaunchType.Fargate,
            PlatformVersion = latest ? PlatformVersion.Latest : PlatformVersion.Of("1.3.0"),
            ExecuteCommand = exec ? Switch.On : Switch.Off,
            ServiceConnect = serviceConnect ? Switch.On : Switch.Off,
        };
        var unknown = (unknownSeed % 4) switch
        {
            0 => known with { ExecuteCommand = Switch.Unknown },
            1 => known with { ServiceConnect = Switch.Unknown },
            2 => known with { PlatformVersion = PlatformVersion.Unknown },
            _ => known with { Containers = [container with { Awslogs = Switch.Unknown }] },
        };
        var onAndOff = new[] { Switch.On, Switch.Off }.SelectMany(s => (unknownSeed % 4) switch
        {
            0 => [known with { ExecuteCommand = s }],
            1 => [known with { ServiceConnect = s }],
            2 => new[] { known with { PlatformVersion = PlatformVersion.Latest }, known with { PlatformVersion = PlatformVersion.Of("1.3.0") } },
            _ => [known with { Containers = [container with { Awslogs = s }] }],
        });
        var unknownNeeds = Names(unknown);
        return onAndOff.All(k => unknownNeeds.All(Names(k).Contains)).Label(string.Join(" ", unknownNeeds));
    }
}
