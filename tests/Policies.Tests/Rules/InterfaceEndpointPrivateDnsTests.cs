using FargateNetwork.Policies.Tests.Model;

namespace FargateNetwork.Policies.Tests.Rules;

/// <summary>
/// Issue 9 item 2: private DNS off is a mandatory failure only where a needed service's path is <c>none</c> because of
/// it; otherwise at most an advisory that names the endpoint's monthly cost.
/// </summary>
public class InterfaceEndpointPrivateDnsTests
{
    private const string Endpoints = "private-fargate-subnet-endpoints";
    private const string PrivateDns = "interface-endpoint-private-dns";
    private const string Pulls = "image-pulls-through-nat";

    private static StackBuilder WithNat(RefStyle style = RefStyle.Reference)
    {
        var b = Scenarios.PrivateEndpoints(style);
        Scenarios.PublicNat(b);
        b.Add("aws:ec2/route:Route", "defaultToNat", ("routeTableId", b.Ref("privateRt")), ("destinationCidrBlock", "0.0.0.0/0"), ("natGatewayId", b.Ref("nat")));
        return b;
    }

    [Theory]
    [InlineData(RefStyle.Reference)]
    [InlineData(RefStyle.Id)]
    public void PrivateDnsOffWithANatPathIsOnlyAdvisoryWithItsCost(RefStyle style)
    {
        var b = WithNat(style).Set("ecr.dkr", "privateDnsEnabled", false);
        var evaluation = Expect.Mandatory(b);
        var advisory = Assert.Single(evaluation.Violations, v => v.Policy == PrivateDns);
        Assert.Equal(EnforcementLevel.Advisory, advisory.Level);
        Assert.Equal("ecr.dkr", advisory.Name);

        // Two AZs at the Tokyo price of the price table: 2 × 730 h × $0.014.
        Assert.Contains("$20.44/month", advisory.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProviderDefaultPrivateDnsWithANatPathIsNotMandatory() =>
        Expect.Mandatory(WithNat().Unset("logs", "privateDnsEnabled"));

    [Fact]
    public void VpcWithoutDnsHostnamesButANatPathIsNotMandatory() =>
        Expect.Mandatory(WithNat().Unset("vpc", "enableDnsHostnames"));

    [Fact]
    public void SecondEndpointOfAServiceWhileAnotherHoldsPrivateDnsIsFine()
    {
        var b = Scenarios.PrivateEndpoints();
        b.Add("aws:ec2/vpcEndpoint:VpcEndpoint", "ecrDkrSecond",
            ("vpcId", b.Ref("vpc")),
            ("serviceName", Scenarios.Service("ecr.dkr")),
            ("vpcEndpointType", "Interface"),
            ("privateDnsEnabled", false),
            ("subnetIds", b.Refs("taskA", "taskC")),
            ("securityGroupIds", b.Refs("endpointSg")));
        Expect.Violations(b);
    }

    [Fact]
    public void EndpointNoTaskNeedsIsSilent()
    {
        // ssm: no container reads an SSM parameter, so its private DNS setting affects no task.
        var b = Scenarios.PrivateEndpoints();
        Scenarios.InterfaceEndpoint(b, "ssm");
        b.Set("ssm", "privateDnsEnabled", false);
        Expect.Violations(b);
    }

    [Fact]
    public void PrivateDnsOffWhereItIsTheOnlyWayIsMandatory() =>
        Expect.Mandatory(Scenarios.PrivateEndpoints().Set("ecr.dkr", "privateDnsEnabled", false), (Endpoints, "app"), (PrivateDns, "ecr.dkr"));

    [Fact]
    public void AdvisoryNamesNoPriceWithoutAListedRegion()
    {
        var b = WithNat().Set("ecr.dkr", "privateDnsEnabled", false);
        foreach (var subnet in new[] { "taskA", "taskC", "natC" })
        {
            b.Set(subnet, "availabilityZone", subnet == "taskA" ? "eu-south-2a" : "eu-south-2c");
        }

        foreach (var service in new[] { "ecr.api", "ecr.dkr", "logs", "secretsmanager", "s3" })
        {
            b.Set(service, "serviceName", $"com.amazonaws.eu-south-2.{service}");
        }

        // Everything in the VPC's Region (eu-south-2), so ecr.dkr is a need of the tasks there.
        b.Set("appTask", "containerDefinitions", new[] { StackBuilder.Obj(("name", "app"), ("image", "123456789012.dkr.ecr.eu-south-2.amazonaws.com/app:1")) });

        var advisory = Assert.Single(Expect.Evaluate(b).Violations, v => v.Policy == PrivateDns);
        Assert.DoesNotContain("$", advisory.Message, StringComparison.Ordinal);
        Assert.Contains(Expect.Evaluate(b).Violations, v => v.Policy == Pulls);
    }
}
