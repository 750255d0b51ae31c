using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Model;
using FargateNetwork.Policies.Pack;
using FargateNetwork.Policies.Tests.Corpus;

namespace FargateNetwork.Policies.Tests.Model;

/// <summary>
/// The model builder's side steps (the prefix lists, task definitions, log groups, the resources' Region votes) running on another
/// thread while the network steps run give the model they give run in line: the same findings of every policy, the
/// same Region, task definitions and log groups, on every corpus stack (previews and exports) and on all of them at
/// once, several times each (a race would show as a difference in some run).
/// </summary>
public class SideStepsTests
{
    [Fact]
    public void ApartOrInLineTheModelIsTheSame()
    {
        var stacks = CorpusCase.Stacks().ToList();
        Assert.True(stacks.Count > 20, $"only {stacks.Count} corpus stacks");
        stacks.Add(stacks.SelectMany(s => s).ToList());
        foreach (var resources in stacks)
        {
            var inLine = Summary(NetworkModelBuilder.Build(new ResourceGraph(resources), sideStepsApartFrom: int.MaxValue));
            for (var run = 0; run < 5; run++)
            {
                Assert.Equal(inLine, Summary(NetworkModelBuilder.Build(new ResourceGraph(resources), sideStepsApartFrom: 0)));
            }
        }
    }

    [Fact]
    public void TheResourcesRegionVotesCountApart()
    {
        // Three buckets in eu-west-1 outvote a subnet in us-east-1a, and an endpoint's service name in us-east-1.
        List<StackResource> resources =
        [
            .. Enumerable.Range(0, 3).Select(i => Resource($"aws:s3/bucket:Bucket", $"b{i}", ("region", "eu-west-1"))),
            Resource("aws:ec2/subnet:Subnet", "s", ("availabilityZone", "us-east-1a"), ("cidrBlock", "10.0.0.0/24")),
            Resource("aws:ec2/vpcEndpoint:VpcEndpoint", "e", ("serviceName", "com.amazonaws.us-east-1.s3")),
        ];
        foreach (var apartFrom in new[] { 0, int.MaxValue })
        {
            Assert.Equal("eu-west-1", NetworkModelBuilder.Build(new ResourceGraph(resources), apartFrom).Region);
        }
    }

    [Fact]
    public void TheSecurityGroupsWaitForThePrefixListsReadApart()
    {
        // Thousands of gateway endpoints for the side thread to read, one security group for the network steps: the
        // group's egress rule names a customer-form prefix list id that only an endpoint's prefixListId output makes
        // an AWS-managed list. Read before the side thread is done, it would be unknown.
        const string listId = "pl-0123456789abcdef0";
        var endpoints = Enumerable.Range(0, 4_000).Select(i => Resource(
            "aws:ec2/vpcEndpoint:VpcEndpoint", $"e{i}", ("serviceName", "com.amazonaws.us-east-1.s3"), ("prefixListId", i == 3_999 ? listId : $"pl-{i:x8}"))).Select(e => e with { Outputs = e.Inputs }); // an export's outputs
        var group = Resource("aws:ec2/securityGroup:SecurityGroup", "tasks") with
        {
            Inputs = new ObjectValue(new Dictionary<string, PropertyValue>
            {
                ["egress"] = new ArrayValue([new ObjectValue(new Dictionary<string, PropertyValue>
                {
                    ["protocol"] = new StringValue("tcp"),
                    ["fromPort"] = new NumberValue(443),
                    ["toPort"] = new NumberValue(443),
                    ["prefixListIds"] = new ArrayValue([new StringValue(listId)]),
                })]),
            }),
        };
        List<StackResource> resources = [group, .. endpoints];
        for (var run = 0; run < 5; run++)
        {
            var model = NetworkModelBuilder.Build(new ResourceGraph(resources), sideStepsApartFrom: 0);
            Assert.Equal(PrefixListPeers.AwsManaged, Assert.Single(Assert.Single(model.SecurityGroups).Egress).PrefixLists);
        }
    }

    [Fact]
    public void LargeStacksRunThemApart() =>
        Assert.InRange(NetworkModelBuilder.SideStepsApartFrom, 100, 1_000); // the benchmark's stacks (1,000 resources and more) apart, a small stack in line

    private static StackResource Resource(string type, string name, params (string Key, string Value)[] inputs) =>
        new($"urn:pulumi:dev::p::{type}::{name}", type, name, new ObjectValue(inputs.ToDictionary(i => i.Key, i => (PropertyValue)new StringValue(i.Value))));

    private static List<string> Summary(NetworkModel model)
    {
        var context = new PolicyContext(model);
        var defaults = FargatePack.Definition.Defaults();
        List<string> lines = [$"region {model.Region}"];
        lines.AddRange(model.TaskDefinitions.Select(d => $"task definition {d.Name}: {d.Containers?.Count.ToString() ?? "unknown"} containers, {string.Join(",", d.Containers?.Select(c => c.Image.ToString()) ?? [])}"));
        lines.AddRange(model.LogGroups.Select(g => $"log group {g.Resource.Name}"));
        lines.AddRange(model.Placements.Select(p => $"placement {p.Name}: {p.TaskDefinition?.Name}"));
        foreach (var policy in FargatePack.Definition.Policies.OfType<NetworkPolicy>())
        {
            lines.AddRange(policy.Check(context, defaults.SettingsOf(policy.Name)).Select(f => $"{policy.Name} {f.Resource.Urn} {f.Message}"));
        }

        return lines;
    }
}
