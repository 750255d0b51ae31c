using FargateNetwork.Policies.Tests.Model;

namespace FargateNetwork.Policies.Tests.Rules;

/// <summary>
/// <c>ecs-endpoint-policy-unsupported</c>: no endpoint policy on the ecs-agent and ecs-telemetry endpoints
/// (advisory).
/// </summary>
public class EcsEndpointPolicyUnsupportedTests
{
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
}
