using FargateNetwork.Policies.Tests.Model;
using FargateNetwork.Policies.Tests.Rules;
using static FargateNetwork.Policies.Tests.Model.StackBuilder;

namespace FargateNetwork.Policies.Tests.Reachability;

/// <summary>
/// Issue 9 item 5: egress that can only reach an AWS-managed prefix list (the S3 gateway's <c>prefixListId</c>) or
/// public blocks never reaches an interface endpoint's private addresses: the path is <c>none: task egress closed</c>.
/// </summary>
public class TaskEgressTests
{
    private const string Endpoints = "private-fargate-subnet-endpoints";
    private const string Https = "endpoint-security-group-allows-https";

    private static IReadOnlyList<StackResource> EgressOnlyToS3PrefixList(string form)
    {
        var b = Scenarios.PrivateEndpoints(form == "export" ? RefStyle.Id : RefStyle.Reference);
        // "literal": the short id of the Region's AWS-managed S3 list, written into the template by hand.
        PropertyValue prefixList = form is "export" or "literal" ? new StringValue("pl-61a54008") : new ReferenceValue(b["s3"].Urn, "prefixListId");
        if (form == "separate")
        {
            b.Set("taskSg", "egress", Array.Empty<object>());
            b.Add("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "toS3", ("securityGroupId", b.Ref("taskSg")), ("ipProtocol", "tcp"), ("fromPort", 443), ("toPort", 443), ("prefixListId", prefixList));
        }
        else
        {
            b.Set("taskSg", "egress", new[] { Obj(("protocol", "tcp"), ("fromPort", 443), ("toPort", 443), ("prefixListIds", new[] { prefixList })) });
        }

        var resources = b.Build();
        return form == "export" ? InputForms.WithOutputs(resources, "s3", ("prefixListId", "pl-61a54008")) : resources;
    }

    [Theory]
    [InlineData("template")]
    [InlineData("separate")]
    [InlineData("export")]
    [InlineData("literal")]
    public void PrefixListEgressDoesNotReachInterfaceEndpoints(string form)
    {
        var evaluation = Expect.Mandatory(EgressOnlyToS3PrefixList(form), null, (Endpoints, "app"), (Https, "app"));
        Assert.Contains(evaluation.Reachability, r => r.Destination == "ecr.api" && r.Path == "none" && r.Detail.Contains("let no TCP 443 out", StringComparison.Ordinal));
        Assert.Contains(evaluation.Reachability, r => r.Destination == "s3" && r.Path == "gateway-endpoint");
    }

    [Fact]
    public void PublicBlockEgressDoesNotReachInterfaceEndpoints()
    {
        var b = Scenarios.PrivateEndpoints();
        b.Set("taskSg", "egress", new[] { Obj(("protocol", "tcp"), ("fromPort", 443), ("toPort", 443), ("cidrBlocks", new[] { "52.94.0.0/16" })) });
        Expect.Mandatory(b, (Endpoints, "app"), (Https, "app"));
    }

    [Fact]
    public void CustomerManagedPrefixListOutsideTheStackStaysUnknown()
    {
        // A customer-managed list outside the stack may hold the VPC's CIDR: not a violation.
        var b = Scenarios.PrivateEndpoints();
        b.Set("taskSg", "egress", new[] { Obj(("protocol", "tcp"), ("fromPort", 443), ("toPort", 443), ("prefixListIds", new[] { "pl-0123456789abcdef0" })) });
        Expect.Mandatory(b);
    }

    [Fact]
    public void ManagedPrefixListOfTheStackIsReadAsItsEntries()
    {
        var b = Scenarios.PrivateEndpoints();
        b.Add("aws:ec2/managedPrefixList:ManagedPrefixList", "vpcRanges", ("addressFamily", "IPv4"), ("maxEntries", 5), ("entries", new[] { Obj(("cidr", "10.0.0.0/16")) }));
        b.Set("taskSg", "egress", new[] { Obj(("protocol", "tcp"), ("fromPort", 443), ("toPort", 443), ("prefixListIds", new[] { b.Ref("vpcRanges"), new ReferenceValue(b["s3"].Urn, "prefixListId") })) });
        var evaluation = Expect.Mandatory(b.Build(), null);
        Assert.Contains(evaluation.Reachability, r => r.Destination == "ecr.api" && r.Path == "interface-endpoint");
        b.Set("vpcRanges", "entries", new[] { Obj(("cidr", "192.168.0.0/16")) });
        Expect.Mandatory(b, (Endpoints, "app"), (Https, "app"));
    }
}
