using StackRules.Host.Check;
using FargateNetwork.Policies.Tests.Check;

namespace FargateNetwork.Policies.Tests.Fuzz;

/// <summary>
/// The fuzz suite (issue 10): 2,300 generated templates, stack exports, previews and policy configs through the
/// <c>check</c> entry point in-process, in all three output formats, plus a few through the real executable; then
/// every input kept in <c>Fixtures/fuzz-regressions/</c>. Each must give exit 0, 1 or 2, no stack trace, an answer in
/// time, and no secret plaintext. <c>FUZZ_SEED</c> explores other inputs, <c>FUZZ_SCALE</c> (default 1) multiplies
/// the counts; CI runs the defaults.
/// </summary>
public class FuzzTests
{
    private const string Secret = "Hunter2-Plaintext-7f3a";

    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), out var s) ? s : 20261130;

    private static readonly int Scale = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SCALE"), out var n) && n > 0 ? n : 1;

    private static readonly HashSet<int> CheckExits = [CheckCommand.Passed, CheckCommand.MandatoryViolations, CheckCommand.BadInput];

    internal static FuzzTarget Stack(string name, string extension) =>
        new(name, extension, StackRun, CheckExits, [Secret, JsonMutator.Planted], FuzzHarness.PlainTexts);

    internal static readonly FuzzTarget PolicyConfig = new("policy-config", "json", ConfigRun, CheckExits, []);

    [Fact]
    public void Templates() => AssertClean(FuzzHarness.Run(Stack("template", "yaml"), FuzzInputs.Templates(900 * Scale, Seed)));

    [Fact]
    public void StackExports() => AssertClean(FuzzHarness.Run(Stack("stack-export", "json"), FuzzInputs.State("broken-stack-export.json", 500 * Scale, Seed + 1, preview: false)));

    [Fact]
    public void Previews() => AssertClean(FuzzHarness.Run(Stack("preview", "json"), [
        .. FuzzInputs.State("broken-preview.json", 250 * Scale, Seed + 2, preview: true),
        .. FuzzInputs.State("broken-preview-create.json", 250 * Scale, Seed + 3, preview: true)]));

    [Fact]
    public void PolicyConfigs() => AssertClean(FuzzHarness.Run(PolicyConfig, FuzzInputs.PolicyConfigs(400 * Scale, Seed + 4)));

    public static TheoryData<string> Regressions()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "fuzz-regressions")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    /// <summary>Every input the suite (or a bug report) found stays a test.</summary>
    [Theory]
    [MemberData(nameof(Regressions))]
    public void KeptInputsStayFixed(string file)
    {
        var input = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "fuzz-regressions", file));
        var target = file.StartsWith("policy-config-", StringComparison.Ordinal) ? PolicyConfig : Stack(file.Split('-')[0], Path.GetExtension(file).TrimStart('.'));
        Assert.Null(FuzzHarness.Check(target, input));
    }

    /// <summary>A few inputs through the shipped executable: exit code, stderr and stdout as a user sees them.</summary>
    [Fact]
    public void TheRealProcessAnswersHostileInputInOneLine()
    {
        var inputs = FuzzInputs.Templates(3, Seed + 5).Concat(FuzzInputs.State("broken-stack-export.json", 3, Seed + 6, preview: false))
            .Append(new string('[', 50_000) + new string(']', 50_000))
            .Append("resources: " + string.Concat(Enumerable.Repeat("{a: ", 20_000)) + "1" + new string('}', 20_000))
            .Append("a: [\nb\n");
        var real = new FuzzTarget("process", "txt", input => DotnetProcess.Run(DotnetProcess.PolicyPackDll, ["check", "--format", "sarif", "-"], stdin: input), CheckExits, [Secret]);
        AssertClean(FuzzHarness.Run(real, inputs, keep: false));
        var zero = DotnetProcess.Run(DotnetProcess.PolicyPackDll, ["check", "/dev/zero"]);
        Assert.Equal(CheckCommand.BadInput, zero.Exit);
        Assert.Equal("/dev/zero: a NUL byte at offset 0: not a YAML or JSON text file\n", zero.Stderr);
    }

    private static void AssertClean(List<string> failures) => Assert.True(failures.Count == 0, string.Join('\n', failures.Take(20)));

    /// <summary>One input on standard input, in the format its length picks (text with the table, json, sarif).</summary>
    private static CheckRun StackRun(string input)
    {
        var format = (input.Length % 3) switch { 0 => "text", 1 => "json", _ => "sarif" };
        return CheckRun.InProcess(input, "--format", format, "--report", "-");
    }

    private static CheckRun ConfigRun(string config)
    {
        var path = Path.Combine(Path.GetTempPath(), $"fuzz-config-{Environment.CurrentManagedThreadId}-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(path, config);
            var run = CheckRun.Of("--config", path, "--format", "json", CheckRun.Fixture("nat-pulls.yaml"));
            return run with { Stdout = run.Stdout.Replace(path, "CONFIG", StringComparison.Ordinal), Stderr = run.Stderr.Replace(path, "CONFIG", StringComparison.Ordinal) };
        }
        finally
        {
            File.Delete(path);
        }
    }
}
