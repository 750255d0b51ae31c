using FargateNetwork.Policies.Tests.Model;
using static FargateNetwork.Policies.Tests.Model.StackBuilder;

namespace FargateNetwork.Policies.Tests.Rules;

/// <summary>
/// <c>image-pulls-through-nat</c>: task subnets whose ECR or S3 traffic goes through a NAT gateway, with the
/// monthly cost of the pulls against the endpoints' (advisory).
/// </summary>
public class ImagePullsThroughNatTests
{
    private const string Pulls = "image-pulls-through-nat";

    [Fact]
    public void ImagePullsThroughNatGiveTheMonthlyCost()
    {
        var b = Scenarios.PrivateEndpoints().Remove("s3").Remove("ecr.api").Remove("ecr.dkr");
        Scenarios.PublicNat(b);
        b.Add("aws:ec2/route:Route", "defaultToNat", ("routeTableId", b.Ref("privateRt")), ("destinationCidrBlock", "0.0.0.0/0"), ("natGatewayId", b.Ref("nat")));
        var evaluation = Expect.Evaluate(b, """{"image-pulls-through-nat":{"pullsPerDay":100,"imageSizeGiB":1}}""");
        var violation = Assert.Single(evaluation.Violations);
        Assert.Equal((Pulls, "app", EnforcementLevel.Advisory), (violation.Policy, violation.Name, violation.Level));

        // 100 pulls × 1 GiB × 30 days = 3000 GB at Tokyo's $0.062/GB = $186.00; 2 interface endpoints × 2 AZs × 730 h × $0.014 = $40.88.
        Assert.Contains("$186.00/month", violation.Message, StringComparison.Ordinal);
        Assert.Contains("$40.88/month", violation.Message, StringComparison.Ordinal);
        var s3Rows = evaluation.Reachability.Where(r => r.Destination == "s3").ToList();
        Assert.Equal(2, s3Rows.Count);
        Assert.All(s3Rows, r => Assert.Equal(("nat-gateway", 93.00m), (r.Path, r.MonthlyCostUsd)));
    }

    [Fact]
    public void NatPriceCanBeOverridden()
    {
        var b = Scenarios.PrivateEndpoints().Remove("s3");
        Scenarios.PublicNat(b);
        b.Add("aws:ec2/route:Route", "defaultToNat", ("routeTableId", b.Ref("privateRt")), ("destinationCidrBlock", "0.0.0.0/0"), ("natGatewayId", b.Ref("nat")));
        var evaluation = Expect.Evaluate(b, """{"image-pulls-through-nat":{"pullsPerDay":10,"imageSizeGiB":1,"natGatewayPerGbUsd":0.1}}""");
        Assert.Contains("$30.00/month", Assert.Single(evaluation.Violations).Message, StringComparison.Ordinal);
    }

    // Issue 9 item 9: the rule follows what the containers actually pull.
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
