using FargateNetwork.Policies.Tests.Model;

namespace FargateNetwork.Policies.Tests.Rules;

/// <summary>EC2 launch type endpoints, ECS endpoint policies, and awslogs log groups.</summary>
public class ControlPlanePolicyTests
{
    private const string Ec2 = "ec2-launch-type-ecs-endpoints";

    [Theory]
    [InlineData("ecs-agent", RefStyle.Reference)]
    [InlineData("ecs-telemetry", RefStyle.Id)]
    [InlineData("ecs", RefStyle.Reference)]
    public void Ec2LaunchTypeNeedsTheEcsEndpoints(string service, RefStyle style)
    {
        var b = Scenarios.Ec2LaunchType(style).Remove(service);
        Expect.Violations(b, (Ec2, "app"));
        Assert.Contains($"com.amazonaws.ap-northeast-1.{service} ", Expect.Evaluate(b).Violations[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ec2LaunchTypeNeedsEcrApiWhateverThePlatformVersion() =>
        Expect.Violations(Scenarios.Ec2LaunchType().Remove("ecr.api"), (Ec2, "app"));

    [Fact]
    public void FargateDoesNotNeedTheEcsEndpoints() => Expect.Violations(Scenarios.PrivateEndpoints());

    [Fact]
    public void EcsEndpointWithAPolicyIsAdvisory()
    {
        var b = Scenarios.Ec2LaunchType().Set("ecs-agent", "policy", """{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}""");
        Expect.Violations(b, ("ecs-endpoint-policy-unsupported", "ecs-agent"));
    }

    [Fact]
    public void EcsApiEndpointWithAPolicyIsFine() =>
        Expect.Violations(Scenarios.Ec2LaunchType().Set("ecs", "policy", """{"Statement":[{"Effect":"Allow","Principal":"*","Action":["ecs:ListClusters"],"Resource":"*"}]}"""));

    [Fact]
    public void EcrEndpointWithAPolicyIsFine() =>
        Expect.Violations(Scenarios.PrivateEndpoints().Set("ecr.api", "policy", """{"Statement":[]}"""));

    [Fact]
    public void MissingLogGroupIsAdvisory() =>
        Expect.Violations(Scenarios.PrivateEndpoints().Remove("appLogs"), ("awslogs-log-group-exists", "appTask"));

    [Fact]
    public void LogGroupWithAnotherNameIsReported() =>
        Expect.Violations(Scenarios.PrivateEndpoints().Set("appLogs", "name", "/ecs/other"), ("awslogs-log-group-exists", "appTask"));

    [Fact]
    public void AwslogsCreateGroupPasses()
    {
        var b = Scenarios.PrivateEndpoints().Remove("appLogs");
        b.Set("appTask", "containerDefinitions", new[]
        {
            StackBuilder.Obj(("name", "app"), ("image", Scenarios.Image), ("logConfiguration", StackBuilder.Obj(("logDriver", "awslogs"), ("options", StackBuilder.Obj(("awslogs-group", "/ecs/app"), ("awslogs-create-group", "true")))))),
        });
        Expect.Violations(b);
    }
}
