using FargateNetwork.Policies.Pack;
using FargateNetwork.Policies.Tests.Model;
using static FargateNetwork.Policies.Tests.Model.StackBuilder;

namespace FargateNetwork.Policies.Tests.Rules;

/// <summary>The same stacks as a template (references, short type tokens, interpolations) and as a stack export give the same violations.</summary>
public class InputStyleTests
{
    public static TheoryData<string> Mutations() => ["none", "drop ecr.api", "private dns off", "nat in task subnet", "internet-facing nlb"];

    private static StackBuilder Mutated(string mutation, RefStyle style)
    {
        var b = mutation is "nat in task subnet" ? Scenarios.PublicNatEgress(style) : Scenarios.PrivateLink(style);
        return mutation switch
        {
            "drop ecr.api" => b.Remove("ecr.api"),
            "private dns off" => b.Set("logs", "privateDnsEnabled", false),
            "nat in task subnet" => b.Set("nat", "subnetId", b.Ref("taskA")),
            "internet-facing nlb" => b.Set("nlb", "internal", false),
            _ => b,
        };
    }

    private static HashSet<(string, string, string)> Violations(IReadOnlyList<StackResource> resources) =>
        FargatePack.Create(null).Evaluate(resources).Violations.Select(v => (v.Policy, v.Name, v.Message)).ToHashSet();

    [Theory]
    [MemberData(nameof(Mutations))]
    public void TemplateAndStackExportGiveTheSameViolations(string mutation)
    {
        var template = Violations(Mutated(mutation, RefStyle.Reference).Build());
        var export = Violations(Mutated(mutation, RefStyle.Id).Build());
        Assert.Equal(template.Order(), export.Order());
        Assert.Equal(mutation == "none", template.Count == 0);
    }

    [Fact]
    public void ShortTypeTokensOfPulumiYamlAreUnderstood()
    {
        var resources = Scenarios.PrivateEndpoints().Remove("ecr.api").Build()
            .Select(r => r with { Type = r.Type.Split(':') is [var pkg, var module, var member] ? $"{pkg}:{module.Split('/')[0]}:{member}" : r.Type })
            .ToList();
        Assert.Contains(resources, r => r.Type == "aws:ec2:VpcEndpoint");
        var violations = FargatePack.Create(null).Evaluate(resources).Violations;
        Assert.Equal(["private-fargate-subnet-endpoints"], violations.Select(v => v.Policy).Distinct());
    }

    [Fact]
    public void ReferencesInsideContainerDefinitionsAreResolved()
    {
        var b = Scenarios.PrivateEndpoints().Unset("appLogs", "name");
        b.Add("aws:ecr/repository:Repository", "repo");
        b.Set("appTask", "containerDefinitions", new[]
        {
            Obj(
                ("name", "app"),
                ("image", new ReferenceValue(b["repo"].Urn, "repositoryUrl")),
                ("logConfiguration", Obj(("logDriver", "awslogs"), ("options", Obj(("awslogs-group", new ReferenceValue(b["appLogs"].Urn, "name")))))),
                ("secrets", new[] { Obj(("name", "DB"), ("valueFrom", new ReferenceValue(b["appLogs"].Urn, "arn"))) })),
        });
        Expect.Violations(b);
        Expect.Violations(b.Remove("ecr.dkr"), ("private-fargate-subnet-endpoints", "app"));
    }

    [Fact]
    public void InterpolatedStringsAreUnknownNotLiterals()
    {
        var b = Scenarios.PrivateEndpoints().Unset("appLogs", "name");
        b.Set("appTask", "containerDefinitions", new[]
        {
            Obj(("name", "app"), ("image", "${repo.repositoryUrl}:1"), ("logConfiguration", Obj(("logDriver", "awslogs"), ("options", Obj(("awslogs-group", "${appLogs.name}")))))),
        });
        b.Set("app", "networkConfiguration", Obj(("subnets", new[] { "${taskA.id}", "${taskC.id}" }), ("securityGroups", b.Refs("taskSg"))));
        Expect.Violations(b);
    }
}
