using FargateNetwork.Policies.Tests.Model;
using static FargateNetwork.Policies.Tests.Model.StackBuilder;

namespace FargateNetwork.Policies.Tests.Rules;

/// <summary>Issue 9 item 9: <c>image-pulls-through-nat</c> follows what the containers actually pull.</summary>
public class ImagePullsThroughNatTests
{
    private const string Pulls = "image-pulls-through-nat";

    private static StackBuilder NatOnly()
    {
        var b = Scenarios.Vpc(RefStyle.Reference);
        Scenarios.PublicNat(b);
        b.Add("aws:ec2/routeTable:RouteTable", "privateRt", ("vpcId", b.Ref("vpc")), ("routes", new[] { Obj(("cidrBlock", "0.0.0.0/0"), ("natGatewayId", b.Ref("nat"))) }));
        b.Add("aws:ec2/routeTableAssociation:RouteTableAssociation", "privateRtA", ("subnetId", b.Ref("taskA")), ("routeTableId", b.Ref("privateRt")));
        Scenarios.TaskDefinition(b);
        Scenarios.FargateService(b, false, "taskA");
        return b;
    }

    [Theory]
    [InlineData("nginx:1.27")]
    [InlineData("public.ecr.aws/nginx/nginx:1.27")]
    [InlineData("123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1")]
    public void NothingPulledFromThisRegionsEcrIsSilent(string image)
    {
        var b = NatOnly();
        b.Set("appTask", "containerDefinitions", new[] { Obj(("name", "app"), ("image", image)) });
        Expect.Violations(b);
        Assert.DoesNotContain(Expect.Evaluate(b).Reachability, r => r.MonthlyCostUsd is not null);
    }

    [Fact]
    public void EcrPullsThroughNatAreReported() => Expect.Violations(NatOnly(), (Pulls, "app"));

    [Fact]
    public void Platform130DoesNotNameEcrApi()
    {
        var b = NatOnly().Set("app", "platformVersion", "1.3.0");
        var message = Expect.Evaluate(b).Violations.Single(v => v.Policy == Pulls).Message;
        Assert.DoesNotContain("ecr.api", message, StringComparison.Ordinal);
        Assert.Contains("ecr.dkr", message, StringComparison.Ordinal);
    }
}
