using FargateNetwork.Policies.Tests.Model;
using static FargateNetwork.Policies.Tests.Model.StackBuilder;

namespace FargateNetwork.Policies.Tests.Rules;

/// <summary>Issue 9 item 10: every rule honours the configured default <c>platformVersion</c>, not only one.</summary>
public class PlatformVersionTests
{
    private const string Config130 = """{"private-fargate-subnet-endpoints":{"platformVersion":"1.3.0"}}""";

    [Fact]
    public void ClosedEcrApiEndpointGroupDoesNotMatterOnConfigured130()
    {
        // ecr.api sits behind a group that admits nobody; platform 1.3.0 never calls it from the task.
        var b = Scenarios.PrivateEndpoints();
        b.Add("aws:ec2/securityGroup:SecurityGroup", "closedSg", ("vpcId", b.Ref("vpc")));
        b.Set("ecr.api", "securityGroupIds", b.Refs("closedSg"));
        Expect.Mandatory(b.Build(), Config130);
        Expect.Mandatory(b.Build(), null, ("endpoint-security-group-allows-https", "ecr.api"), ("private-fargate-subnet-endpoints", "app"));
    }

    [Fact]
    public void PublicIpRuleUsesTheConfiguredVersion()
    {
        // Internet-gateway subnet without public IPs: on 1.3.0 the endpoints serve everything the task ENI needs.
        var b = Scenarios.PrivateEndpoints().Remove("ecr.api").Remove("secretsmanager");
        b.Add("aws:ec2/internetGateway:InternetGateway", "igw", ("vpcId", b.Ref("vpc")));
        b.Set("privateRt", "routes", new[] { Obj(("cidrBlock", "0.0.0.0/0"), ("gatewayId", b.Ref("igw"))) });
        Expect.Mandatory(b.Build(), Config130);
        Expect.Mandatory(b.Build(), null, ("fargate-public-ip-matches-subnet", "app"), ("private-fargate-subnet-endpoints", "app"));
    }

    [Fact]
    public void EveryAzRuleUsesTheConfiguredVersion()
    {
        var b = Scenarios.PrivateEndpoints();
        b.Set("ecr.api", "subnetIds", b.Refs("taskA"));
        Expect.ViolationsWith(b, Config130);
        Expect.Violations(b, ("endpoint-in-every-task-az", "ecr.api"));
    }
}
