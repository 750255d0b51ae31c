namespace FargateNetwork.Policies.Tests.Check;

/// <summary>
/// <c>check</c> with several files, over every ordered choice of a passing, a violating, a missing and a broken file:
/// the exit code is the worst outcome of any file (2 a bad file, else 1 a mandatory violation, else 0), every good
/// file's result is printed in the order given, and every bad file gets exactly one line on stderr.
/// </summary>
public sealed class SeveralFilesTests : IDisposable
{
    private static readonly string Missing = Path.Combine(Path.GetTempPath(), "fargate-network-no-such-dir", "missing.yaml");
    private readonly string broken;
    private readonly string dir = Directory.CreateTempSubdirectory("check-several-").FullName;

    public SeveralFilesTests()
    {
        broken = Path.Combine(dir, "broken.yaml");
        File.WriteAllText(broken, "resources: [\n");
    }

    public enum Kind
    {
        Passing,
        Violating,
        Missing,
        Broken,
    }

    /// <summary>Every non-empty ordered selection of distinct kinds (4 + 12 + 24 + 24 = 64 cases).</summary>
    public static TheoryData<Kind[]> Selections()
    {
        var data = new TheoryData<Kind[]>();
        void Extend(List<Kind> prefix)
        {
            if (prefix.Count > 0)
            {
                data.Add([.. prefix]);
            }

            foreach (var kind in Enum.GetValues<Kind>().Where(k => !prefix.Contains(k)))
            {
                Extend([.. prefix, kind]);
            }
        }

        Extend([]);
        return data;
    }

    public void Dispose()
    {
        Directory.Delete(dir, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Theory]
    [MemberData(nameof(Selections))]
    public void TheExitCodeIsTheWorstOutcomeAndEveryFileIsReported(Kind[] kinds)
    {
        var files = kinds.Select(PathOf).ToArray();
        var run = CheckRun.Of(files);

        var expected = kinds.Max(k => k switch
        {
            Kind.Passing => 0,
            Kind.Violating => 1,
            _ => 2,
        });
        Assert.Equal(expected, run.Exit);

        var summaries = run.Stdout.Split('\n').Where(l => l.Contains(" violation(s) in ", StringComparison.Ordinal)).ToList();
        var good = kinds.Where(k => k is Kind.Passing or Kind.Violating).ToList();
        Assert.Equal(good.Count, summaries.Count);
        for (var i = 0; i < good.Count; i++)
        {
            var mandatory = good[i] == Kind.Violating ? "2 mandatory" : "0 mandatory";
            Assert.Equal($"{mandatory}, {(good[i] == Kind.Violating ? 0 : 1)} advisory violation(s) in {PathOf(good[i])}", summaries[i]);
        }

        var errors = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var bad = kinds.Where(k => k is Kind.Missing or Kind.Broken).ToList();
        Assert.Equal(bad.Count, errors.Length);
        for (var i = 0; i < bad.Count; i++)
        {
            Assert.StartsWith($"{PathOf(bad[i])}: ", errors[i], StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Selections))]
    public void TheJsonReportHoldsTheFindingsOfEveryGoodFile(Kind[] kinds)
    {
        var run = CheckRun.Of(["--format", "json", .. kinds.Select(PathOf)]);
        var files = run.Json().GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("file").GetString()!).ToHashSet();
        var expected = kinds.Where(k => k is Kind.Passing or Kind.Violating).Select(PathOf).ToHashSet();
        Assert.Equal(expected, files);
    }

    private string PathOf(Kind kind) => kind switch
    {
        Kind.Passing => CheckRun.Fixture("nat-pulls.yaml"),
        Kind.Violating => CheckRun.Fixture("broken-template.yaml"),
        Kind.Missing => Missing,
        _ => broken,
    };
}
