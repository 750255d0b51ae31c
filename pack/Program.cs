using FargateNetwork.Policies.Cost;
using FargateNetwork.Policies.Pack;
using StackRules.Host;

// The Fargate network policy pack as Pulumi starts it: StackRules' host serves the analyzer protocol (with an engine
// address) and the offline `check` command (docs/check.md, docs/policy-pack.md) for the pack's definition; `cost`
// compares the monthly cost of the network designs (docs/cost.md).
return await PolicyHost.RunAsync(
    args,
    FargatePack.Definition,
    new Dictionary<string, Func<string[], int>> { ["cost"] = rest => CostCommand.Run(rest, Console.OpenStandardOutput(), Console.Error) });
