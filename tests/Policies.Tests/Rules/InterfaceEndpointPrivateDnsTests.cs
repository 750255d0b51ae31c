using System.Text.Json.Nodes;
using FargateNetwork.Policies.Pack;
using FargateNetwork.Policies.Tests.Model;

namespace FargateNetwork.Policies.Tests.Rules;

/// <summary>
/// <c>interface-endpoint-private-dns</c>: a service the tasks need has no path because its interface endpoint
/// has private DNS off, or the VPC's DNS attributes are off; at level <c>remediate</c> the rule turns them on.
/// </summary>
public class InterfaceEndpointPrivateDnsTests
{
    private const string Endpoints = "private-fargate-subnet-endpoints";
    private const string PrivateDns = "interface-endpoint-private-dns";
    private const string Pulls = "image-pulls-through-nat";

    [Theory]
    [InlineData(RefStyle.Reference)]
    [InlineData(RefStyle.Id)]
    public void PrivateDnsOffIsReported(RefStyle style) =>
        Expect.Violations(Scenarios.PrivateEndpoints(style).Set("ecr.dkr", "privateDnsEnabled", false), (Endpoints, "app"), (PrivateDns, "ecr.dkr"));

    [Fact]
    public void PrivateDnsDefaultsToOffInTheProvider() =>
        Expect.Violations(Scenarios.PrivateEndpoints().Unset("logs", "privateDnsEnabled"), (Endpoints, "app"), (PrivateDns, "logs"));

    [Fact]
    public void PrivateDnsOffWithANatPathIsOnlyAdvisoryBecauseTasksReachTheService()
    {
        // Issue 9 item 2: this was a mandatory false positive; the tasks reach ecr.dkr through the NAT.
        var b = Scenarios.PrivateEndpoints().Set("ecr.dkr", "privateDnsEnabled", false);
        Scenarios.PublicNat(b);
        b.Add("aws:ec2/route:Route", "defaultToNat", ("routeTableId", b.Ref("privateRt")), ("destinationCidrBlock", "0.0.0.0/0"), ("natGatewayId", b.Ref("nat")));
        Expect.Violations(b, (PrivateDns, "ecr.dkr"), ("image-pulls-through-nat", "app"));
        Expect.Mandatory(b);
    }

    [Fact]
    public void VpcWithoutDnsHostnamesIsReported() =>
        Expect.Violations(Scenarios.PrivateEndpoints().Unset("vpc", "enableDnsHostnames"), (Endpoints, "app"), (PrivateDns, "vpc"));

    [Fact]
    public void VpcWithoutDnsSupportIsReported() =>
        Expect.Violations(Scenarios.PrivateEndpoints().Set("vpc", "enableDnsSupport", false), (Endpoints, "app"), (PrivateDns, "vpc"));

    // Issue 9 item 2: private DNS off is a mandatory failure only where a needed service's path is none because of
    // it; otherwise at most an advisory that names the endpoint's monthly cost.
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

    // Issue 14 item 3: at level remediate the rule rewrites the one property that fixes what it reports (an
    // endpoint's privateDnsEnabled, a VPC's DNS attributes), and a stack whose every resource went through the
    // remediations passes the policy.
    private static ConfiguredPack At(string level) =>
        FargatePack.Definition.Configure(new JsonObject { [PrivateDns] = level });

    public static TheoryData<string, string, string> Broken() => new()
    {
        { "ecr.dkr", "privateDnsEnabled", "privateDnsEnabled" },
        { "vpc", "enableDnsSupport", "enableDnsSupport" },
        { "vpc", "enableDnsHostnames", "enableDnsHostnames" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void RemediatingEveryResourceFixesTheStack(string resource, string property, string fixedProperty)
    {
        var stack = Scenarios.PrivateEndpoints().Set(resource, property, false).Build();
        var violation = Assert.Single(At("remediate").Evaluate(stack).Violations, v => v.Policy == PrivateDns);
        Assert.Equal((resource, EnforcementLevel.Remediate), (violation.Name, violation.Level));

        // What the engine does: each resource's inputs replaced by the remediation before it is registered.
        var remediated = stack.Select(r => At("remediate").Remediate(r) is [.., var last] ? r with { Inputs = last.Properties, Outputs = last.Properties } : r).ToList();
        var changed = Assert.Single(stack.Zip(remediated), p => !ReferenceEquals(p.First, p.Second));
        Assert.Equal(resource, changed.First.Name);
        Assert.Equal(new BoolValue(true), changed.Second.Inputs.Properties[fixedProperty]);
        Assert.DoesNotContain(At("mandatory").Evaluate(remediated).Violations, v => v.Policy == PrivateDns);
    }

    [Fact]
    public void AHealthyStackAndOtherLevelsGetNoRemediation()
    {
        var stack = Scenarios.PrivateEndpoints().Build();
        Assert.All(stack, r => Assert.Empty(At("remediate").Remediate(r)));
        var broken = Scenarios.PrivateEndpoints().Set("ecr.dkr", "privateDnsEnabled", false).Build();
        Assert.All(broken, r => Assert.Empty(At("mandatory").Remediate(r)));
    }

    [Fact]
    public void AnUnknownValueIsLeftAlone()
    {
        var stack = Scenarios.PrivateEndpoints().Set("ecr.dkr", "privateDnsEnabled", UnknownValue.Instance).Build();
        Assert.All(stack, r => Assert.Empty(At("remediate").Remediate(r)));
    }
}
