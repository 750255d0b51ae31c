namespace FargateNetwork.Policies.Tests.Check;

/// <summary>One broken stack (no ecr.api endpoint; the S3 gateway endpoint missing from route table c) as a
/// hand-written template, a stack export, a preview of an update and a preview of its first deployment (every id
/// unknown): the same violations.</summary>
public class SameStackTests
{
    private static readonly string[] Files = ["broken-template.yaml", "broken-stack-export.json", "broken-preview.json", "broken-preview-create.json"];

    [Fact]
    public void TemplateStackExportAndPreviewGiveTheSameViolations()
    {
        var runs = Files.Select(f => CheckRun.Of("--format", "json", CheckRun.Fixture(f))).ToList();
        Assert.All(runs, r => Assert.Equal(1, r.Exit));
        var expected = runs[0].Violations();
        Assert.Equal(
            [("private-fargate-subnet-endpoints", "service")],
            expected.Select(v => (v.Policy, v.Name)).Distinct());
        Assert.Equal(2, expected.Count);
        Assert.Contains(expected, v => v.Message.Contains("subnet task-subnet-c", StringComparison.Ordinal)
            && v.Message.Contains("com.amazonaws.ap-northeast-1.ecr.api", StringComparison.Ordinal)
            && v.Message.Contains("com.amazonaws.ap-northeast-1.s3", StringComparison.Ordinal));
        Assert.Contains(expected, v => v.Message.Contains("subnet task-subnet-a", StringComparison.Ordinal)
            && !v.Message.Contains("com.amazonaws.ap-northeast-1.s3", StringComparison.Ordinal));
        foreach (var run in runs.Skip(1))
        {
            Assert.Equal(expected.Order(), run.Violations().Order());
        }
    }

    [Fact]
    public void TheReachabilityOfTheBrokenSubnetIsTheSameInEveryFormat()
    {
        static string[] Rows(string file) => CheckRun.Of("--format", "json", CheckRun.Fixture(file)).Json().GetProperty("reachability").EnumerateArray()
            .Select(r => $"{r.GetProperty("subnetName").GetString()} {r.GetProperty("destination").GetString()} {r.GetProperty("path").GetString()}")
            .Order().ToArray();
        var template = Rows(Files[0]);
        Assert.Contains("task-subnet-c s3 none", template);
        Assert.Contains("task-subnet-a s3 gateway-endpoint", template);
        Assert.Contains("task-subnet-a ecr.dkr interface-endpoint", template);
        Assert.All(Files.Skip(1), f => Assert.Equal(template, Rows(f)));
    }

    [Fact]
    public void SeveralFilesAreCheckedEachOnItsOwn()
    {
        var run = CheckRun.Of(CheckRun.Fixture(Files[0]), CheckRun.Fixture(Files[1]));
        Assert.Equal(1, run.Exit);
        Assert.Contains($"2 mandatory, 0 advisory violation(s) in {CheckRun.Fixture(Files[0])}", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"2 mandatory, 0 advisory violation(s) in {CheckRun.Fixture(Files[1])}", run.Stdout, StringComparison.Ordinal);
    }
}
