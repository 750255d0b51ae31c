using FargateNetwork.Policies.Model;
using FargateNetwork.Policies.Reachability;
using FargateNetwork.Policies.Tests.Model;
using FargateNetwork.Policies.Tests.Rules;
using static FargateNetwork.Policies.Tests.Model.StackBuilder;

namespace FargateNetwork.Policies.Tests.Reachability;

/// <summary>A placement read from a whole stack, mapped to the core's model of what tasks need (issue 9 items 6, 7, 11).</summary>
public class PlacementNeedsTests
{
    private const string Endpoints = "private-fargate-subnet-endpoints";

    private static List<string> Needs(StackBuilder b, string defaultPlatformVersion = "LATEST")
    {
        var model = NetworkModel.Build(b.Build());
        return TaskNeeds.Of(model.Placements.Single(), defaultPlatformVersion, model.Region).Select(n => n.Destination.Name).Order(StringComparer.Ordinal).ToList();
    }

    [Theory]
    [InlineData("LATEST", "ecr.api ecr.dkr logs s3 secretsmanager")]
    [InlineData("1.4.0", "ecr.api ecr.dkr logs s3 secretsmanager")]
    [InlineData("1.3.0", "ecr.dkr logs s3")]
    [InlineData("1.2.0", "ecr.dkr logs s3")]
    public void PlatformVersionDecidesWhatTheTaskEniFetches(string version, string expected) =>
        Assert.Equal(expected.Split(' '), Needs(Scenarios.PrivateEndpoints().Set("app", "platformVersion", version)));

    [Fact]
    public void ConfiguredDefaultPlatformVersionApplies() =>
        Assert.Equal(["ecr.dkr", "logs", "s3"], Needs(Scenarios.PrivateEndpoints(), "1.3.0"));

    [Fact]
    public void WindowsFargateFetchesThroughTheTaskEniOnEveryVersion()
    {
        var b = Scenarios.PrivateEndpoints().Set("app", "platformVersion", "1.0.0");
        b.Set("appTask", "runtimePlatform", Obj(("operatingSystemFamily", "WINDOWS_SERVER_2022_CORE")));
        Assert.Contains("secretsmanager", Needs(b));
    }

    [Fact]
    public void ExecNeedsSsmMessagesOnServiceTargetAndSchedule()
    {
        Assert.Contains("ssmmessages", Needs(Scenarios.PrivateEndpoints().Set("app", "enableExecuteCommand", true)));

        var target = Scenarios.PrivateEndpoints().Remove("app");
        target.Add("aws:cloudwatch/eventTarget:EventTarget", "nightly", ("rule", "nightly"), ("arn", "arn:aws:ecs:ap-northeast-1:123456789012:cluster/main"),
            ("ecsTarget", Obj(("taskDefinitionArn", target.Arn("appTask")), ("launchType", "FARGATE"), ("enableExecuteCommand", true),
                ("networkConfiguration", Obj(("subnets", target.Refs("taskA")), ("securityGroups", target.Refs("taskSg")))))));
        Assert.Contains("ssmmessages", Needs(target));

        var schedule = Scenarios.PrivateEndpoints().Remove("app");
        schedule.Add("aws:scheduler/schedule:Schedule", "hourly", ("scheduleExpression", "rate(1 hour)"),
            ("target", Obj(("arn", "arn:aws:ecs:ap-northeast-1:123456789012:cluster/main"), ("roleArn", "arn:aws:iam::123456789012:role/s"),
                ("ecsParameters", Obj(("taskDefinitionArn", schedule.Arn("appTask")), ("launchType", "FARGATE"), ("enableExecuteCommand", true),
                    ("networkConfiguration", Obj(("subnets", schedule.Refs("taskA")), ("securityGroups", schedule.Refs("taskSg")))))))));
        Assert.Contains("ssmmessages", Needs(schedule));
    }

    [Fact]
    public void ServiceConnectNeedsTheAgentEndpoint() =>
        Assert.Contains("ecs-agent", Needs(Scenarios.PrivateEndpoints().Set("app", "serviceConnectConfiguration", Obj(("enabled", true), ("namespace", "app")))));

    [Fact]
    public void CapacityProviderStrategyWithoutLaunchTypeIsFargate()
    {
        var b = Scenarios.PrivateEndpoints().Unset("app", "launchType").Unset("appTask", "requiresCompatibilities");
        b.Set("app", "capacityProviderStrategies", new[] { Obj(("capacityProvider", "FARGATE_SPOT"), ("weight", 1)) });
        Assert.Equal(LaunchType.Fargate, NetworkModel.Build(b.Build()).Placements.Single().LaunchType);
        Expect.Mandatory(b.Remove("ecr.api"), (Endpoints, "app"));
    }

    [Theory]
    [InlineData(RefStyle.Reference)]
    [InlineData(RefStyle.Id)]
    public void ExecWithoutSsmMessagesIsReportedAndTheEndpointFixesIt(RefStyle style)
    {
        var b = Scenarios.PrivateEndpoints(style).Set("app", "enableExecuteCommand", true);
        var message = Expect.Mandatory(b, (Endpoints, "app")).Violations.First(v => v.Policy == Endpoints).Message;
        Assert.Contains("com.amazonaws.ap-northeast-1.ssmmessages", message, StringComparison.Ordinal);
        Scenarios.InterfaceEndpoint(b, "ssmmessages");
        var evaluation = Expect.Mandatory(b);
        Assert.Contains(evaluation.Reachability, r => r.Destination == "ssmmessages" && r.Path == "interface-endpoint");
    }

    [Fact]
    public void SecretsOnPlatform130NeedNoEndpoint() =>
        Expect.Mandatory(Scenarios.PrivateEndpoints().Remove("secretsmanager").Set("app", "platformVersion", "1.3.0"));

    [Fact]
    public void SecretsOnPlatform140NeedTheEndpoint() =>
        Expect.Mandatory(Scenarios.PrivateEndpoints().Remove("secretsmanager").Set("app", "platformVersion", "1.4.0"), (Endpoints, "app"));
}
