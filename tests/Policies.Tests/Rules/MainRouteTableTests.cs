using FargateNetwork.Policies.Tests.Model;

namespace FargateNetwork.Policies.Tests.Rules;

/// <summary>
/// Issue 9 item 1: routes, associations and gateway endpoints that name the VPC's main/default route table by id
/// (<c>${vpc.defaultRouteTableId}</c>, <c>${vpc.mainRouteTableId}</c>, the literal <c>rtb-</c> id of a stack export,
/// a preview's unknown that depends on the VPC) are read into that table.
/// </summary>
public class MainRouteTableTests
{
    private const string Endpoints = "private-fargate-subnet-endpoints";
    private const string PublicIp = "fargate-public-ip-matches-subnet";

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

    [Theory]
    [InlineData(RefStyle.Reference)]
    [InlineData(RefStyle.Id)]
    public void S3GatewayEndpointOnTheMainTableById(RefStyle style)
    {
        var b = Scenarios.PrivateEndpoints(style).Remove("privateRtA").Remove("privateRtC").Remove("privateRt");
        PropertyValue main = style == RefStyle.Id ? new StringValue("rtb-0main") : new ReferenceValue(b["vpc"].Urn, "mainRouteTableId");
        b.Set("s3", "routeTableIds", new[] { main });
        var resources = InputForms.WithOutputs(b.Build(), "vpc", ("defaultRouteTableId", "rtb-0main"), ("mainRouteTableId", "rtb-0main"));
        Expect.Mandatory(resources, null);
        b.Set("s3", "routeTableIds", Array.Empty<string>());
        Expect.Mandatory(InputForms.WithOutputs(b.Build(), "vpc", ("defaultRouteTableId", "rtb-0main")), null, (Endpoints, "app"));
    }

    [Fact]
    public void AssociationWithTheDefaultTableById()
    {
        var b = Scenarios.PrivateEndpoints().Remove("privateRtC");
        b.Add("aws:ec2/routeTableAssociation:RouteTableAssociation", "mainC", ("subnetId", b.Ref("taskC")), ("routeTableId", new ReferenceValue(b["vpc"].Urn, "defaultRouteTableId")));
        b.Add("aws:ec2/vpcEndpointRouteTableAssociation:VpcEndpointRouteTableAssociation", "s3Main", ("vpcEndpointId", b.Ref("s3")), ("routeTableId", new ReferenceValue(b["vpc"].Urn, "defaultRouteTableId")));
        Expect.Mandatory(b);
        b.Remove("s3Main");
        Expect.Mandatory(b, (Endpoints, "app"));
    }
}
