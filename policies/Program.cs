using FargateNetwork.Policies.Check;

// `check` runs the policies offline on templates, stack exports and preview JSON; see docs/check.md.
if (args.Length > 0 && args[0] == "check")
{
    var stdout = Console.OpenStandardOutput();
    var code = CheckCommand.Run(args[1..], Console.In, stdout, Console.Error);
    stdout.Flush();
    return code;
}

Console.Error.WriteLine(CheckOptions.Usage);
return CheckCommand.BadInput;
