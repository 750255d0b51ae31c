using StackRules.Inputs;

namespace StackRules.Tests.Inputs;

public class StackExportTests
{
    private const string Export = """
        {"version": 3, "deployment": {"resources": [
          {"urn": "urn:pulumi:dev::app::pulumi:providers:aws::default_7_0_0", "type": "pulumi:providers:aws", "id": "p1",
           "inputs": {"region": "eu-west-1"}},
          {"urn": "urn:pulumi:dev::app::aws:ec2/vpc:Vpc::vpc", "type": "aws:ec2/vpc:Vpc", "id": "vpc-1", "protect": true,
           "provider": "urn:pulumi:dev::app::pulumi:providers:aws::default_7_0_0::p1", "inputs": {}},
          {"urn": "urn:pulumi:dev::app::aws:ec2/subnet:Subnet::subnet", "type": "aws:ec2/subnet:Subnet", "id": "subnet-1",
           "dependencies": ["urn:pulumi:dev::app::aws:ec2/vpc:Vpc::vpc"], "additionalSecretOutputs": ["tags"],
           "inputs": {"vpcId": "vpc-1"}}
        ]}}
        """;

    [Fact]
    public void AStackExportGivesDependenciesOptionsAndTheProviderToStackPolicies()
    {
        var resources = StackInput.Parse(Export, "state.json", "state.json").Resources;
        var seen = new List<string>();
        var policy = new StackPolicy("relations", "Records what it sees.")
        {
            Validate = (args, _) => seen.AddRange(args.Resources.Select(r =>
                $"{r.Name}: deps {string.Join(",", args.DependenciesOf(r).Select(d => d.Name))}; protect {r.Options?.Protect}; provider {r.Provider?.Name}; secret outputs {string.Join(",", r.Options?.AdditionalSecretOutputs ?? [])}")),
        };
        new PolicyPack("p", "1", [policy]).Defaults().AnalyzeStack(resources);
        Assert.Equal(
            [
                "default_7_0_0: deps ; protect ; provider ; secret outputs ",
                "vpc: deps ; protect True; provider default_7_0_0; secret outputs ",
                "subnet: deps vpc; protect False; provider ; secret outputs tags",
            ],
            seen);
    }

    [Fact]
    public void DependenciesThatAreNoListAreOneLineNamingTheKey()
    {
        var bad = Export.Replace("\"dependencies\": [\"urn:pulumi:dev::app::aws:ec2/vpc:Vpc::vpc\"]", "\"dependencies\": 3", StringComparison.Ordinal);
        var e = Assert.Throws<InputException>(() => StackInput.Parse(bad, "state.json", "state.json"));
        Assert.Contains("dependencies: expected an array of strings", e.Message, StringComparison.Ordinal);
    }
}
