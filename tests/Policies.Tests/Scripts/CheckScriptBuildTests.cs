using System.Diagnostics;
using FargateNetwork.Tests.Shared;

namespace FargateNetwork.Policies.Tests.Scripts;

/// <summary>
/// The build decision of <c>scripts/check</c>, on a copy of the script in a temporary repository layout whose
/// <c>scripts/publish-policy-pack</c> is a stand-in that counts its runs and writes a pack that echoes its arguments:
/// it publishes when the pack is missing or older than a source, never otherwise, announces it on stderr only, and a
/// failed publish exits 2 with nothing on stdout.
/// </summary>
public sealed class CheckScriptBuildTests : IDisposable
{
    private const string FakePublish = """
        #!/usr/bin/env bash
        set -eu
        cd "$(dirname "$0")/.."
        echo x >>publish-count
        [ ! -e fail-publish ] || { echo "publish failed" >&2; exit 1; }
        mkdir -p artifacts/policy-pack
        printf '#!/bin/sh\necho "report $*"\n' >artifacts/policy-pack/pulumi-analyzer-policy-fargate-network
        chmod +x artifacts/policy-pack/pulumi-analyzer-policy-fargate-network
        echo "policy pack published: this line must not reach stdout"
        """;

    private readonly string root = Directory.CreateTempSubdirectory("check-script-").FullName;

    public CheckScriptBuildTests()
    {
        Directory.CreateDirectory(Path.Combine(root, "scripts"));
        Directory.CreateDirectory(Path.Combine(root, "core"));
        Directory.CreateDirectory(Path.Combine(root, "policies"));
        Directory.CreateDirectory(Path.Combine(root, "pack", "Check"));
        File.Copy(RepositoryRoot.File("scripts", "check"), Script);
        var publish = Path.Combine(root, "scripts", "publish-policy-pack");
        File.WriteAllText(publish, FakePublish.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(publish, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        File.WriteAllText(Source, "// a source of the pack\n");
        File.WriteAllText(Path.Combine(root, "global.json"), "{}\n");
        SetOld(Source);
        SetOld(Path.Combine(root, "global.json"));
    }

    private string Script => Path.Combine(root, "scripts", "check");

    private string Source => Path.Combine(root, "pack", "Check", "CheckCommand.cs");

    private string Exe => Path.Combine(root, "artifacts", "policy-pack", "pulumi-analyzer-policy-fargate-network");

    private int Publishes => File.Exists(Path.Combine(root, "publish-count")) ? File.ReadAllLines(Path.Combine(root, "publish-count")).Length : 0;

    public void Dispose()
    {
        Directory.Delete(root, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void ItPublishesWhenMissingOrStaleAndOtherwiseOnlyRunsThePack()
    {
        var first = Run("--format", "json", "a.yaml");
        Assert.Equal(0, first.Exit);
        Assert.Equal("report check --format json a.yaml\n", first.Stdout);
        Assert.Contains("check: publishing the policy pack with scripts/publish-policy-pack (first build;", first.Stderr, StringComparison.Ordinal);
        Assert.Contains("policy pack published: this line must not reach stdout", first.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, Publishes);

        var repeat = Run("a.yaml");
        Assert.Equal(("report check a.yaml\n", string.Empty), (repeat.Stdout, repeat.Stderr));
        Assert.Equal(1, Publishes);

        // A source newer than the pack: published again, naming the file.
        File.SetLastWriteTimeUtc(Exe, DateTime.UtcNow.AddDays(-2));
        var stale = Run("a.yaml");
        Assert.Equal("report check a.yaml\n", stale.Stdout);
        Assert.Contains("(pack/Check/CheckCommand.cs changed;", stale.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, Publishes);

        Assert.Equal(string.Empty, Run("a.yaml").Stderr);
        Assert.Equal(2, Publishes);
    }

    [Fact]
    public void AFailedPublishExitsTwoWithNothingOnStdout()
    {
        File.WriteAllText(Path.Combine(root, "fail-publish"), string.Empty);
        var run = Run("a.yaml");
        Assert.Equal(2, run.Exit);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.EndsWith("check: publishing the policy pack failed (see above)\n", run.Stderr, StringComparison.Ordinal);
    }

    private static void SetOld(string path) => File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddDays(-1));

    private Check.CheckRun Run(params string[] args)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        start.ArgumentList.Add(Script);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("scripts/check did not finish in 2 minutes");
        }

        return new Check.CheckRun(process.ExitCode, stdout.Result, stderr.Result);
    }
}
