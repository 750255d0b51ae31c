using FargateNetwork.Pack.Analyzer;
using FargateNetwork.Pack.Check;

// `check` runs the policies offline on templates, stack exports and preview JSON (docs/check.md). With an engine
// address (host:port) the Pulumi CLI is starting the pack as an analyzer plugin (docs/policy-pack.md). `--help`/`-h`
// and `--version` answer on stdout with exit 0. Anything else is a person's mistake: print both usages, exit 2.
const string AnalyzerUsage =
    "       pulumi-analyzer-policy-fargate-network <engine-address> [pack-directory]\n" +
    "          serves Pulumi's analyzer protocol: what `pulumi preview --policy-pack` starts";

if (args is ["cost", ..]) return FargateNetwork.Policies.Cost.CostCommand.Run(args[1..], Console.OpenStandardOutput(), Console.Error);

if (args is ["check", ..])
{
    var stdout = Console.OpenStandardOutput();
    var code = CheckCommand.Run(args[1..], Console.In, stdout, Console.Error);
    stdout.Flush();
    return code;
}

if (args is ["--version"])
{
    Console.Out.WriteLine(CheckCommand.VersionLine);
    return CheckCommand.Passed;
}

if (args is ["--help"] or ["-h"])
{
    Console.Out.WriteLine(CheckOptions.Usage);
    Console.Out.WriteLine(AnalyzerUsage);
    return CheckCommand.Passed;
}

if (!AnalyzerArguments.Parse(args).HasEngineAddress)
{
    Console.Error.WriteLine(CheckOptions.Usage);
    Console.Error.WriteLine(AnalyzerUsage);
    return CheckCommand.BadInput;
}

return await AnalyzerHost.RunAsync(args);
