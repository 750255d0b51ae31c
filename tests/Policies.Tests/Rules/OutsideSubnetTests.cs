using FargateNetwork.Policies.Tests.Model;
using static FargateNetwork.Policies.Tests.Model.StackBuilder;

namespace FargateNetwork.Policies.Tests.Rules;

/// <summary>
/// Issue 9 item 4: task subnets outside the stack (ids from config, invokes, literal <c>subnet-</c> ids) keep the
/// checks that do not depend on routes: task security-group egress, endpoint security groups, private DNS.
/// </summary>
public class OutsideSubnetTests
{
    private const string Endpoints = "private-fargate-subnet-endpoints";
    private const string Https = "endpoint-security-group-allows-https";

    /// <summary>
    /// Endpoints and tasks share one group whose only rules are TCP 443 to and from itself; the tasks' subnets are
    /// literal ids (or an invoke's unknown list in a template).
    /// </summary>
    private static StackBuilder SelfOnlyGroup(RefStyle style, bool invoke)
    {
        var b = Scenarios.PrivateEndpoints(style);
        var self = Obj(("protocol", "tcp"), ("fromPort", 443), ("toPort", 443), ("self", true));
        b.Set("taskSg", "egress", new[] { self }).Set("taskSg", "ingress", new[] { self });
        foreach (var service in new[] { "ecr.api", "ecr.dkr", "logs", "secretsmanager" })
        {
            b.Set(service, "securityGroupIds", b.Refs("taskSg"));
        }

        var network = (ObjectValue)b["app"].Props["networkConfiguration"];
        var subnets = invoke ? (PropertyValue)UnknownValue.Instance : Value(new[] { "subnet-0aaa1111", "subnet-0bbb2222" });
        var changed = new Dictionary<string, PropertyValue>(network.Properties, StringComparer.Ordinal) { ["subnets"] = subnets };
        b.Set("app", "networkConfiguration", new ObjectValue(changed));
        return b;
    }

    [Theory]
    [InlineData(RefStyle.Reference, false)]
    [InlineData(RefStyle.Reference, true)]
    [InlineData(RefStyle.Id, false)]
    public void SelfOnlyEgressCannotReachS3(RefStyle style, bool invoke)
    {
        var evaluation = Expect.Mandatory(SelfOnlyGroup(style, invoke).Build(), null, (Endpoints, "app"));
        var message = evaluation.Violations.First(v => v.Policy == Endpoints).Message;
        Assert.Contains("com.amazonaws.ap-northeast-1.s3", message, StringComparison.Ordinal);
        Assert.DoesNotContain("ecr.dkr for", message, StringComparison.Ordinal);
        Assert.Contains("egress rule", message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenEgressOutsideSubnetsIsUnknownNotAViolation()
    {
        var b = SelfOnlyGroup(RefStyle.Reference, false);
        b.Set("taskSg", "egress", new[] { Obj(("protocol", "-1"), ("fromPort", 0), ("toPort", 0), ("cidrBlocks", new[] { "0.0.0.0/0" })), Obj(("protocol", "tcp"), ("fromPort", 443), ("toPort", 443), ("self", true)) });
        var evaluation = Expect.Mandatory(b.Build(), null);
        Assert.Contains(evaluation.Reachability, r => r.Destination == "s3" && r.Path == "unknown");
    }

    [Theory]
    [InlineData(RefStyle.Reference)]
    [InlineData(RefStyle.Id)]
    public void EndpointGroupThatAdmitsAnotherGroupIsReported(RefStyle style)
    {
        var b = SelfOnlyGroup(style, false);
        b.Set("taskSg", "egress", new[] { Obj(("protocol", "-1"), ("fromPort", 0), ("toPort", 0), ("cidrBlocks", new[] { "0.0.0.0/0" })) });
        b.Add("aws:ec2/securityGroup:SecurityGroup", "otherSg", ("vpcId", b.Ref("vpc")));
        b.Set("endpointSg", "ingress", new[] { Obj(("protocol", "tcp"), ("fromPort", 443), ("toPort", 443), ("securityGroups", b.Refs("otherSg"))) });
        b.Set("logs", "securityGroupIds", b.Refs("endpointSg"));
        Expect.Mandatory(b.Build(), null, (Https, "logs"));
    }

    [Fact]
    public void OutsideVpcKnownByIdMatchesItsEndpoints()
    {
        // The VPC itself is outside the stack: the task group and the endpoints name it by the same literal id.
        var b = SelfOnlyGroup(RefStyle.Id, false).Remove("taskA").Remove("taskC").Remove("privateRtA").Remove("privateRtC");
        b.Remove("vpc");
        foreach (var name in new[] { "taskSg", "endpointSg", "ecr.api", "ecr.dkr", "logs", "secretsmanager", "s3", "privateRt" })
        {
            b.Set(name, "vpcId", "vpc-0outside");
        }

        foreach (var service in new[] { "ecr.api", "ecr.dkr", "logs", "secretsmanager" })
        {
            b.Set(service, "subnetIds", new[] { "subnet-0aaa1111", "subnet-0bbb2222" });
        }

        var evaluation = Expect.Mandatory(b.Build(), null, (Endpoints, "app"));
        Assert.Contains(evaluation.Reachability, r => r.Destination == "ecr.dkr" && r.Path == "interface-endpoint");
    }
}
