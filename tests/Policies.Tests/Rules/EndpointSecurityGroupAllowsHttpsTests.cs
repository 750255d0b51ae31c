using FargateNetwork.Policies.Tests.Model;
using static FargateNetwork.Policies.Tests.Model.StackBuilder;

namespace FargateNetwork.Policies.Tests.Rules;

/// <summary>
/// <c>endpoint-security-group-allows-https</c>: an interface endpoint's security groups admit TCP 443 from every task
/// subnet, and the task security groups let TCP 443 out.
/// </summary>
public class EndpointSecurityGroupAllowsHttpsTests
{
    private const string Endpoints = "private-fargate-subnet-endpoints";
    private const string Https = "endpoint-security-group-allows-https";
    private const string Config130 = """{"private-fargate-subnet-endpoints":{"platformVersion":"1.3.0"}}""";

    [Theory]
    [InlineData(RefStyle.Reference)]
    [InlineData(RefStyle.Id)]
    public void EndpointSecurityGroupWithoutHttpsIsReported(RefStyle style)
    {
        var b = Scenarios.PrivateEndpoints(style);
        b.Set("endpointSg", "ingress", new[] { Obj(("protocol", "tcp"), ("fromPort", 80), ("toPort", 80), ("securityGroups", b.Refs("taskSg"))) });
        Expect.Violations(b, (Endpoints, "app"), (Https, "ecr.api"), (Https, "ecr.dkr"), (Https, "logs"), (Https, "secretsmanager"));
    }

    [Fact]
    public void EndpointSecurityGroupAdmittingTheSubnetCidrPasses()
    {
        var b = Scenarios.PrivateEndpoints();
        b.Set("endpointSg", "ingress", new[] { Obj(("protocol", "tcp"), ("fromPort", 443), ("toPort", 443), ("cidrBlocks", new[] { "10.0.0.0/16" })) });
        Expect.Violations(b);
    }

    [Fact]
    public void EndpointSecurityGroupAdmittingOnlyOneSubnetIsReportedForTheOther()
    {
        var b = Scenarios.PrivateEndpoints();
        b.Set("endpointSg", "ingress", new[] { Obj(("protocol", "tcp"), ("fromPort", 443), ("toPort", 443), ("cidrBlocks", new[] { "10.0.1.0/24" })) });
        var violations = Expect.Evaluate(b).Violations;
        Assert.All(violations.Where(v => v.Policy == Https), v => Assert.Contains("subnet taskC", v.Message, StringComparison.Ordinal));
        Expect.Violations(b, (Endpoints, "app"), (Https, "ecr.api"), (Https, "ecr.dkr"), (Https, "logs"), (Https, "secretsmanager"));
    }

    [Theory]
    [InlineData(RefStyle.Reference)]
    [InlineData(RefStyle.Id)]
    public void TaskSecurityGroupWithoutEgressIsReported(RefStyle style)
    {
        // The provider removes AWS's default allow-all egress rule: no egress rule means nothing leaves.
        var b = Scenarios.PrivateEndpoints(style).Unset("taskSg", "egress");
        Expect.Violations(b, (Endpoints, "app"), (Https, "app"));
        Assert.Contains("let no TCP 443 out", Expect.Evaluate(b).Violations.First(v => v.Policy == Https).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SeparateEgressRuleResourcesAreRead()
    {
        var b = Scenarios.PrivateEndpoints().Unset("taskSg", "egress");
        b.Add("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "allOut", ("securityGroupId", b.Ref("taskSg")), ("ipProtocol", "-1"), ("cidrIpv4", "0.0.0.0/0"));
        Expect.Violations(b);

        var legacy = Scenarios.PrivateEndpoints().Unset("taskSg", "egress");
        legacy.Add("aws:ec2/securityGroupRule:SecurityGroupRule", "httpsOut", ("type", "egress"), ("securityGroupId", legacy.Ref("taskSg")), ("protocol", "tcp"), ("fromPort", 443), ("toPort", 443), ("cidrBlocks", new[] { "0.0.0.0/0" }));
        Expect.Violations(legacy);
    }

    [Fact]
    public void SeparateIngressRuleResourcesAreRead()
    {
        var b = Scenarios.PrivateEndpoints().Unset("endpointSg", "ingress");
        b.Add("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "https", ("securityGroupId", b.Ref("endpointSg")), ("ipProtocol", "tcp"), ("fromPort", 443), ("toPort", 443), ("referencedSecurityGroupId", b.Ref("taskSg")));
        Expect.Violations(b);

        var legacy = Scenarios.PrivateEndpoints().Unset("endpointSg", "ingress");
        legacy.Add("aws:ec2/securityGroupRule:SecurityGroupRule", "https", ("type", "ingress"), ("securityGroupId", legacy.Ref("endpointSg")), ("protocol", "tcp"), ("fromPort", 443), ("toPort", 443), ("cidrBlocks", new[] { "10.0.0.0/16" }));
        Expect.Violations(legacy);
    }

    // Issue 9 item 4: task subnets outside the stack keep the endpoint security-group check.
    [Theory]
    [InlineData(RefStyle.Reference)]
    [InlineData(RefStyle.Id)]
    public void EndpointGroupThatAdmitsAnotherGroupIsReported(RefStyle style)
    {
        var b = Scenarios.SelfOnlyGroup(style, false);
        b.Set("taskSg", "egress", new[] { Obj(("protocol", "-1"), ("fromPort", 0), ("toPort", 0), ("cidrBlocks", new[] { "0.0.0.0/0" })) });
        b.Add("aws:ec2/securityGroup:SecurityGroup", "otherSg", ("vpcId", b.Ref("vpc")));
        b.Set("endpointSg", "ingress", new[] { Obj(("protocol", "tcp"), ("fromPort", 443), ("toPort", 443), ("securityGroups", b.Refs("otherSg"))) });
        b.Set("logs", "securityGroupIds", b.Refs("endpointSg"));
        Expect.Mandatory(b.Build(), null, (Https, "logs"));
    }

    // Issue 9 item 10: the configured default platformVersion applies.
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
}
