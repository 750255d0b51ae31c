using System.Diagnostics;

namespace FargateNetwork.Infra.Tests;

/// <summary>Runs the built compiler as a separate process, the way Pulumi's YAML language host does: a controlled environment, stdin at EOF, stdout and stderr captured.</summary>
internal static class CompilerProcess
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    public static string Dll => FargateNetwork.Tests.Shared.RepositoryRoot.File("infra", "bin", Configuration, "net10.0", "fargate-network-compiler.dll");

    public static TestCompiler.Result Run(IReadOnlyDictionary<string, string?> environment, string? workingDirectory = null, params string[] args) =>
        Start("dotnet", [Dll, .. args], environment, workingDirectory);

    public static TestCompiler.Result Start(string fileName, string[] args, IReadOnlyDictionary<string, string?> environment, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? FargateNetwork.Tests.Shared.RepositoryRoot.Path,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("PULUMI_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }

        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(true);
            throw new TimeoutException($"{fileName} did not finish");
        }

        return new TestCompiler.Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
