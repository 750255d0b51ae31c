using FargateNetwork.Pack.Analyzer;
using FargateNetwork.Pack.Check;

// `check` runs the policies offline on templates, stack exports and preview JSON (docs/check.md). With an engine
// address (host:port) the Pulumi CLI is starting the pack as an analyzer plugin (docs/policy-pack.md). Anything else
// is a person's mistake: print both usages.
if (args is ["check", ..])
{
    var stdout = Console.OpenStandardOutput();
    var code = CheckCommand.Run(args[1..], Console.In, stdout, Console.Error);
    stdout.Flush();
    return code;
}

if (!AnalyzerArguments.Parse(args).HasEngineAddress)
{
    Console.Error.WriteLine(CheckOptions.Usage);
    Console.Error.WriteLine(
        "       pulumi-analyzer-policy-fargate-network <engine-address> [pack-directory]\n" +
        "          serves Pulumi's analyzer protocol: what `pulumi preview --policy-pack` starts");
    return CheckCommand.BadInput;
}

return await AnalyzerHost.RunAsync(args);
