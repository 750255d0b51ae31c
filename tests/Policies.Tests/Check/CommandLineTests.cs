using FargateNetwork.Policies.Pack;
namespace FargateNetwork.Policies.Tests.Check;

/// <summary>Usage, config and bad-input handling of <c>check</c>: exit 2 with one line naming the file.</summary>
public class CommandLineTests : IDisposable
{
    private static readonly string Broken = CheckRun.Fixture("broken-template.yaml");
    private readonly string dir = Directory.CreateTempSubdirectory("check-tests-").FullName;

    public void Dispose()
    {
        Directory.Delete(dir, recursive: true);
        GC.SuppressFinalize(this);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Theory]
    [InlineData(new string[0], "check: no input")]
    [InlineData(new[] { "--format", "xml", "x.yaml" }, "check: --format xml: expected text, json, sarif or markdown")]
    [InlineData(new[] { "--format" }, "check: --format needs a value")]
    [InlineData(new[] { "--bogus", "x.yaml" }, "check: unknown option --bogus")]
    [InlineData(new[] { "-", "-" }, "check: standard input (-) can be read once only")]
    public void BadUsageExitsTwoWithTheUsage(string[] args, string message)
    {
        var run = CheckRun.Of(args);
        Assert.Equal(2, run.Exit);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.StartsWith(message, run.Stderr, StringComparison.Ordinal);
        Assert.Contains("usage: pulumi-analyzer-policy-fargate-network check", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void HelpListsThePoliciesAndExitsZero()
    {
        var run = CheckRun.Of("--help");
        Assert.Equal(0, run.Exit);
        Assert.Contains("private-fargate-subnet-endpoints [mandatory]", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-h")]
    [InlineData("--help")]
    [InlineData("--format", "xml", "--help")]
    [InlineData("--bogus", "x.yaml", "-h")]
    [InlineData("--version", "--help")]
    public void HelpWinsOverAnyOtherArgument(params string[] args)
    {
        var run = CheckRun.Of(args);
        Assert.Equal(0, run.Exit);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.StartsWith("usage: pulumi-analyzer-policy-fargate-network check", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--version")]
    [InlineData("--format", "xml", "--version")]
    [InlineData("missing.yaml", "--version")]
    public void VersionPrintsThePackNameAndVersionOnly(params string[] args)
    {
        var run = CheckRun.Of(args);
        Assert.Equal(0, run.Exit);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Equal($"fargate-network {FargatePack.PackVersion}{Environment.NewLine}", run.Stdout);
    }

    [Fact]
    public void AfterADoubleDashHelpAndVersionAreFileNames()
    {
        var run = CheckRun.Of("--", "--help", "--version");
        Assert.Equal(2, run.Exit);
        Assert.Contains("--help", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("--version", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void FormatAndConfigAlsoTakeTheEqualsForm()
    {
        var config = Write("c.json", """{"private-fargate-subnet-endpoints": "advisory"}""");
        var run = CheckRun.Of("--format=json", $"--config={config}", Broken);
        Assert.Equal(0, run.Exit);
        Assert.All(run.Json().GetProperty("violations").EnumerateArray(), v => Assert.Equal("advisory", v.GetProperty("enforcementLevel").GetString()));
    }

    [Fact]
    public void AConfigCanDisableAPolicy()
    {
        var config = Write("c.json", """
            // comments are allowed, as in Pulumi's config files
            {"private-fargate-subnet-endpoints": {"enforcementLevel": "disabled"}}
            """);
        var run = CheckRun.Of("--config", config, Broken);
        Assert.Equal(0, run.Exit);
        Assert.Contains("0 mandatory, 0 advisory violation(s)", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void AnInvalidConfigExitsTwoNamingTheFile()
    {
        var unknown = Write("unknown.json", """{"no-such-policy": "mandatory"}""");
        var run = CheckRun.Of("--config", unknown, Broken);
        Assert.Equal(2, run.Exit);
        Assert.StartsWith($"{unknown}: ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("no-such-policy", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);

        var broken = Write("broken.json", "{\n\"a\": \n");
        run = CheckRun.Of("--config", broken, Broken);
        Assert.Equal(2, run.Exit);
        Assert.StartsWith($"{broken}: invalid JSON in the policy config at line", run.Stderr, StringComparison.Ordinal);

        var array = Write("array.json", "[]");
        Assert.StartsWith($"{array}: the policy config must be a JSON object", CheckRun.Of("--config", array, Broken).Stderr, StringComparison.Ordinal);

        var missing = Path.Combine(dir, "missing.json");
        Assert.Equal($"{missing}: cannot read the policy config: no such file{Environment.NewLine}", CheckRun.Of("--config", missing, Broken).Stderr);
    }

    [Fact]
    public void ABadInputExitsTwoButTheOtherInputsAreStillChecked()
    {
        var bad = Write("bad.yaml", "resources: [\n");
        var run = CheckRun.Of("--format", "json", bad, Broken);
        Assert.Equal(2, run.Exit);
        Assert.StartsWith($"{bad}: invalid YAML at line", run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.TrimEnd().Split('\n'));
        Assert.Equal(2, run.Violations().Count);
    }

    [Fact]
    public void StandardInputIsReadForADash()
    {
        var run = CheckRun.InProcess(File.ReadAllText(Broken), "-");
        Assert.Equal(1, run.Exit);
        Assert.Contains("2 mandatory, 0 advisory violation(s) in <stdin>", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyTemplatePasses()
    {
        var run = CheckRun.Of(Write("empty.yaml", "name: x\nresources: {}\n"));
        Assert.Equal(0, run.Exit);
        Assert.Contains("0 mandatory, 0 advisory violation(s)", run.Stdout, StringComparison.Ordinal);
    }
}
