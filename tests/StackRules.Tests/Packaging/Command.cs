using System.Diagnostics;

namespace StackRules.Tests.Packaging;

/// <summary>A process run to its end with a time limit: exit code, standard output, standard error.</summary>
internal sealed record Command(int Exit, string Stdout, string Stderr)
{
    public static Command Run(string file, IEnumerable<string> args, string directory, TimeSpan limit, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The runs must not share state with the machine's dotnet: no telemetry, no first-run banner, no workload checks.
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} took more than {limit}");
        }

        process.WaitForExit();
        return new Command(process.ExitCode, stdout.Result, stderr.Result);
    }

    public Command Succeeded(string what) =>
        Exit == 0 ? this : throw new InvalidOperationException($"{what} failed with exit {Exit}:\n{Stdout}\n{Stderr}");
}
