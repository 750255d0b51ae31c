// With no `check` command the pack serves Pulumi's analyzer protocol (the Pulumi CLI starts it this way).
return await FargateNetwork.Policies.Analyzer.AnalyzerHost.RunAsync(args);
