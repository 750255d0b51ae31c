using System.Diagnostics;
using FargateNetwork.Policies.Tests.Check;
using FargateNetwork.Tests.Shared;

namespace FargateNetwork.Policies.Tests.Scripts;

/// <summary>
/// Runs one of the repository's scripts (<c>scripts/check</c>, <c>scripts/check-stack</c>) with bash in the
/// repository root, as a user does. The first run may build (a minute or more), so the time limit is generous.
/// </summary>
internal static class RepositoryScript
{
    public static CheckRun Run(string script, params string[] args)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot.Path,
        };
        start.ArgumentList.Add(RepositoryRoot.File(script.Split('/')));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(20)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} did not finish in 20 minutes");
        }

        return new CheckRun(process.ExitCode, stdout.Result, stderr.Result);
    }
}
