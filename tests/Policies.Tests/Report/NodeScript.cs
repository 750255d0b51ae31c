using System.Diagnostics;
using System.Text.Json;
using FargateNetwork.Tests.Shared;

namespace FargateNetwork.Policies.Tests.Report;

/// <summary>Runs one of the tests' Node.js scripts (tests/Policies.Tests/Report/mermaid) from the repository root.</summary>
internal static class NodeScript
{
    public static (int Exit, JsonElement Result, string Stderr) Run(string script, params string[] args)
    {
        RepositoryRoot.NodePackage("mermaid");
        RepositoryRoot.NodePackage("jsdom");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(RepositoryRoot.File("tests", "Policies.Tests", "Report", "mermaid", script));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var node = Process.Start(start) ?? throw new InvalidOperationException("node could not be started: is Node.js on PATH?");
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        if (!node.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            node.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} did not finish in 3 minutes");
        }

        var output = stdout.Result;
        Assert.False(string.IsNullOrWhiteSpace(output), $"{script} printed nothing (exit {node.ExitCode}): {stderr.Result}");
        return (node.ExitCode, JsonDocument.Parse(output).RootElement.Clone(), stderr.Result);
    }

    /// <summary>Writes text to a temporary file that is deleted when the returned handle is disposed.</summary>
    public static TempFile Temp(string text, string extension = ".md")
    {
        var path = Path.Combine(Path.GetTempPath(), $"fargate-network-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, text);
        return new TempFile(path);
    }

    internal sealed class TempFile(string path) : IDisposable
    {
        public string Path { get; } = path;

        public void Dispose() => File.Delete(Path);
    }
}
