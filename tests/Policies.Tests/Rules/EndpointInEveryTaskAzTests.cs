using FargateNetwork.Policies.Tests.Model;

namespace FargateNetwork.Policies.Tests.Rules;

/// <summary>
/// <c>endpoint-in-every-task-az</c>: every AZ that runs tasks has a network interface of each interface endpoint
/// the tasks use (advisory).
/// </summary>
public class EndpointInEveryTaskAzTests
{
    private const string EveryAz = "endpoint-in-every-task-az";
    private const string Config130 = """{"private-fargate-subnet-endpoints":{"platformVersion":"1.3.0"}}""";

    [Fact]
    public void EndpointMissingInOneTaskAzIsAdvisory()
    {
        var b = Scenarios.PrivateEndpoints();
        b.Set("ecr.dkr", "subnetIds", b.Refs("taskA"));
        Expect.Violations(b, (EveryAz, "ecr.dkr"));
        var violation = Expect.Evaluate(b).Violations.Single();
        Assert.Equal(EnforcementLevel.Advisory, violation.Level);
        Assert.Contains("ap-northeast-1c", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EndpointSubnetAssociationResourcesCount()
    {
        var b = Scenarios.PrivateEndpoints();
        b.Set("ecr.dkr", "subnetIds", b.Refs("taskA"));
        b.Add("aws:ec2/vpcEndpointSubnetAssociation:VpcEndpointSubnetAssociation", "dkrC", ("vpcEndpointId", b.Ref("ecr.dkr")), ("subnetId", b.Ref("taskC")));
        Expect.Violations(b);
    }

    // Issue 9 item 10: the configured default platformVersion applies.
    [Fact]
    public void EveryAzRuleUsesTheConfiguredVersion()
    {
        var b = Scenarios.PrivateEndpoints();
        b.Set("ecr.api", "subnetIds", b.Refs("taskA"));
        Expect.ViolationsWith(b, Config130);
        Expect.Violations(b, ("endpoint-in-every-task-az", "ecr.api"));
    }
}
