using FargateNetwork.Policies.Tests.Model;
using static FargateNetwork.Policies.Tests.Model.StackBuilder;

namespace FargateNetwork.Policies.Tests.Rules;

/// <summary>
/// <c>fargate-public-ip-matches-subnet</c>: Fargate tasks whose subnet sends <c>0.0.0.0/0</c> to an internet
/// gateway have a public IP unless every need has an endpoint path; a public IP in a subnet with no internet-gateway
/// route is an advisory finding.
/// </summary>
public class FargatePublicIpMatchesSubnetTests
{
    private const string Endpoints = "private-fargate-subnet-endpoints";
    private const string PublicIp = "fargate-public-ip-matches-subnet";
    private const string Config130 = """{"private-fargate-subnet-endpoints":{"platformVersion":"1.3.0"}}""";

    [Theory]
    [InlineData(RefStyle.Reference)]
    [InlineData(RefStyle.Id)]
    public void PublicSubnetWithoutPublicIpCannotPull(RefStyle style)
    {
        var b = Scenarios.PublicNatEgress(style);
        b.Set("app", "networkConfiguration", Obj(("subnets", b.Refs("taskA")), ("securityGroups", b.Refs("taskSg")), ("assignPublicIp", false)));
        Expect.Violations(b, (PublicIp, "app"), (Endpoints, "app"));
    }

    [Fact]
    public void PublicSubnetWithoutPublicIpButAllEndpointsIsFine()
    {
        var b = Scenarios.PrivateEndpoints();
        Scenarios.PublicNat(b);
        b.Add("aws:ec2/route:Route", "defaultToIgw", ("routeTableId", b.Ref("privateRt")), ("destinationCidrBlock", "0.0.0.0/0"), ("gatewayId", b.Ref("igw")));
        Expect.Violations(b);
    }

    [Fact]
    public void PublicIpInAPrivateSubnetIsAdvisory()
    {
        var b = Scenarios.PrivateEndpoints();
        b.Set("app", "networkConfiguration", Obj(("subnets", b.Refs("taskA", "taskC")), ("securityGroups", b.Refs("taskSg")), ("assignPublicIp", true)));
        Expect.Violations(b, (PublicIp, "app"));
        Assert.All(Expect.Evaluate(b).Violations, v => Assert.Equal(EnforcementLevel.Advisory, v.Level));
    }

    [Fact]
    public void SubnetWithoutRouteTableAssociationUsesTheLocalOnlyMainTable()
    {
        var b = Scenarios.PublicNatEgress().Remove("taskRtA");
        Expect.Violations(b, (Endpoints, "app"), (PublicIp, "app"));
    }

    [Fact]
    public void MainRouteTableAssociationIsFollowed()
    {
        var b = Scenarios.PublicNatEgress().Remove("taskRtA");
        b.Add("aws:ec2/mainRouteTableAssociation:MainRouteTableAssociation", "main", ("vpcId", b.Ref("vpc")), ("routeTableId", b.Ref("taskRt")));
        Expect.Violations(b);
    }

    // Issue 9 item 1: routes and associations that name the VPC's main/default route table by id
    // (${vpc.defaultRouteTableId}, ${vpc.mainRouteTableId}, the literal rtb- id of a stack export, a preview's unknown
    // that depends on the VPC) are read into that table.
    /// <summary>Tasks with public IPs in two subnets left on the main table, whose default route goes to the internet gateway.</summary>
    private static IReadOnlyList<StackResource> PublicOnMainTable(string form, string output = "defaultRouteTableId", bool withRoute = true)
    {
        var b = Scenarios.Vpc(form == "export" ? RefStyle.Id : RefStyle.Reference);
        b.Add("aws:ec2/internetGateway:InternetGateway", "igw", ("vpcId", b.Ref("vpc")));
        if (withRoute)
        {
            PropertyValue table = form == "export" ? new StringValue("rtb-0main") : new ReferenceValue(b["vpc"].Urn, output);
            b.Add("aws:ec2/route:Route", "publicDefault", ("routeTableId", table), ("destinationCidrBlock", "0.0.0.0/0"), ("gatewayId", b.Ref("igw")));
        }

        Scenarios.TaskDefinition(b);
        Scenarios.FargateService(b, true, "taskA", "taskC");
        var resources = b.Build();
        return form switch
        {
            "export" => InputForms.WithOutputs(resources, "vpc", ("defaultRouteTableId", "rtb-0main"), ("mainRouteTableId", "rtb-0main")),
            "preview" when withRoute => InputForms.AsPreview(resources, "publicDefault", "routeTableId"),
            _ => resources,
        };
    }

    [Theory]
    [InlineData("template", "defaultRouteTableId")]
    [InlineData("template", "mainRouteTableId")]
    [InlineData("export", "defaultRouteTableId")]
    [InlineData("preview", "mainRouteTableId")]
    public void RouteOnTheMainTableByIdMakesAPublicSubnet(string form, string output)
    {
        var evaluation = Expect.Mandatory(PublicOnMainTable(form, output), null);
        Assert.Empty(evaluation.Violations);
        Assert.Contains(evaluation.Reachability, r => r.Destination == "internet" && r.Path == "internet-gateway");
    }

    [Theory]
    [InlineData("template")]
    [InlineData("export")]
    public void WithoutTheRouteTheSubnetIsLocalOnly(string form)
    {
        var evaluation = Expect.Mandatory(PublicOnMainTable(form, withRoute: false), null, (Endpoints, "app"));
        Assert.Contains(evaluation.Violations, v => v.Policy == PublicIp && v.Level == EnforcementLevel.Advisory);
    }

    // Issue 9 item 10: the configured default platformVersion applies.
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
}
