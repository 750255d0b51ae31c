using FargateNetwork.Policies.Tests.Model;

namespace FargateNetwork.Policies.Tests.Rules;

/// <summary>
/// <c>ec2-launch-type-ecs-endpoints</c>: tasks on the EC2 launch type also need the ecs, ecs-agent and
/// ecs-telemetry endpoints.
/// </summary>
public class Ec2LaunchTypeEcsEndpointsTests
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
}
