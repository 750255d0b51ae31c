namespace StackRules.Tests.Authoring;

public class StackPolicyTests
{
    [Fact]
    public void AStackPolicySeesParentsAndDependencies()
    {
        var vpc = Stacks.Resource("aws:ec2/vpc:Vpc", "vpc");
        var subnet = Stacks.Resource("aws:ec2/subnet:Subnet", "subnet") with
        {
            Parent = vpc.Urn,
            PropertyDependencies = new Dictionary<string, IReadOnlyList<string>> { ["vpcId"] = [vpc.Urn] },
        };
        var seen = new List<string>();
        var policy = new StackPolicy("relations", "Records what it sees.")
        {
            Validate = (args, violations) =>
            {
                foreach (var r in args.Resources)
                {
                    seen.Add($"{r.Name}: parent {args.ParentOf(r)?.Name ?? "-"}, deps {string.Join(",", args.DependenciesOf(r).Select(d => d.Name))}");
                }

                violations.Add("the stack as a whole");
            },
        };
        var violation = Assert.Single(new PolicyPack("p", "1", [policy]).Defaults().AnalyzeStack([vpc, subnet]));
        Assert.Equal(["vpc: parent -, deps ", "subnet: parent vpc, deps vpc"], seen);
        Assert.Equal(("", "", ""), (violation.Urn, violation.Type, violation.Name));
    }

    [Fact]
    public void AnExtensionIsBuiltOncePerEvaluationAndSharedByPolicies()
    {
        var builds = 0;
        var count = new StackExtension<object>("count", context =>
        {
            builds++;
            return context.Resources.Count;
        });
        StackPolicy Asking(string name) => new(name, "Asks for the extension.")
        {
            Validate = (args, violations) => violations.Add($"{args.Use(count)} resources"),
        };
        var pack = new PolicyPack("p", "1", [Asking("a"), Asking("b")]).Defaults();
        var violations = pack.AnalyzeStack([Stacks.Resource("x:y/z:Z", "one"), Stacks.Resource("x:y/z:Z", "two")]);
        Assert.Equal(["2 resources", "2 resources"], violations.Select(v => v.Message));
        Assert.Equal(1, builds);
        pack.AnalyzeStack([]);
        Assert.Equal(2, builds);
    }

    [Fact]
    public void AnAdvisoryOnlyFindingStaysAdvisoryUnderAMandatoryPolicy()
    {
        var resource = Stacks.Resource("x:y/z:Z", "r");
        var policy = new StackPolicy("mixed", "One hard finding, one hint.")
        {
            EnforcementLevel = EnforcementLevel.Mandatory,
            Validate = (args, violations) =>
            {
                violations.Add(resource, "hard");
                violations.AddAdvisory(resource, "hint");
            },
        };
        var levels = new PolicyPack("p", "1", [policy]).Defaults().AnalyzeStack([resource]).Select(v => (v.Message, v.Level));
        Assert.Equal([("hard", EnforcementLevel.Mandatory), ("hint", EnforcementLevel.Advisory)], levels);
    }
}
