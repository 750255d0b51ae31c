using FargateNetwork.Policies.Analyzer;

// `check` runs the rules offline (branch inputs2 owns it); anything else is the Pulumi CLI starting the analyzer.
if (args is ["check", ..])
{
    await Console.Error.WriteLineAsync("check: the offline command is not in this build (branch analyzer2 serves the analyzer only).");
    return 2;
}

return await AnalyzerHost.RunAsync(args);
