using System.Diagnostics;
using FargateNetwork.Tests.Shared;

namespace FargateNetwork.Policies.Tests.Check;

/// <summary>
/// Runs a built .NET program with <c>dotnet</c>: the policy pack as shipped (from this test's output folder) and our
/// infra compiler (built on first use when the solution was not built as a whole).
/// </summary>
internal static class DotnetProcess
{
    private static readonly Lazy<string> Compiler = new(FindOrBuildCompiler);

    public static string PolicyPackDll => Path.Combine(AppContext.BaseDirectory, "pulumi-analyzer-policy-fargate-network.dll");

    public static CheckRun Run(string dll, IEnumerable<string> args, string? stdin = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(stdin ?? string.Empty);
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {dll} did not finish in 2 minutes");
        }

        return new CheckRun(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Our compiler's template for a stack of this repository (Pulumi.STACK.yaml).</summary>
    public static string CompileStack(string stack)
    {
        var run = Run(Compiler.Value, ["--stack", stack], workingDirectory: RepositoryRoot.Path);
        if (run.Exit != 0)
        {
            throw new InvalidOperationException($"the infra compiler failed for stack {stack} (exit {run.Exit}): {run.Stderr}");
        }

        return run.Stdout;
    }

    private static string FindOrBuildCompiler()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = RepositoryRoot.File("infra", "bin", configuration, "net10.0", "fargate-network-compiler.dll");
        if (!File.Exists(dll))
        {
            var build = Process.Start(new ProcessStartInfo("dotnet", ["build", RepositoryRoot.File("infra", "FargateNetwork.Infra.csproj"), "-c", configuration, "--nologo", "-v", "q"])
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            })!;
            var output = build.StandardOutput.ReadToEnd();
            build.WaitForExit();
            if (build.ExitCode != 0 || !File.Exists(dll))
            {
                throw new InvalidOperationException($"could not build the infra compiler ({dll}): {output}");
            }
        }

        return dll;
    }
}
