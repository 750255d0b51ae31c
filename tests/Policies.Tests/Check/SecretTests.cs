namespace FargateNetwork.Policies.Tests.Check;

/// <summary>A secret in the inputs never appears in any output format, on stdout or stderr.</summary>
public class SecretTests
{
    private const string Plaintext = "Hunter2-Plaintext-7f3a";

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in new[] { "broken-template.yaml", "broken-stack-export.json", "secret-values.yaml" })
        {
            foreach (var format in new[] { "text", "json", "sarif" })
            {
                data.Add(file, format);
            }
        }

        return data;
    }

    [Fact]
    public void TheFixturesDoHoldTheSecret()
    {
        Assert.Contains(Plaintext, File.ReadAllText(CheckRun.Fixture("broken-template.yaml")), StringComparison.Ordinal);
        Assert.Contains(Plaintext, File.ReadAllText(CheckRun.Fixture("broken-stack-export.json")), StringComparison.Ordinal);
        Assert.Contains(Plaintext, File.ReadAllText(CheckRun.Fixture("secret-values.yaml")), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void NoOutputFormatPrintsTheSecret(string file, string format)
    {
        var run = CheckRun.Of("--format", format, "--report", CheckRun.Fixture(file));
        Assert.True(run.Exit is 0 or 1, run.Stderr);
        Assert.NotEmpty(run.Stdout);
        Assert.DoesNotContain(Plaintext, run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Plaintext, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void SecretsThatDecideAViolationAreMaskedInItsMessage()
    {
        // The NAT subnet id and the route's CIDR are secrets; the violations still name resources, never values.
        var run = CheckRun.Of("--format", "json", CheckRun.Fixture("secret-values.yaml"));
        Assert.Equal(1, run.Exit);
        Assert.NotEmpty(run.Violations());
        Assert.DoesNotContain(Plaintext, run.Stdout, StringComparison.Ordinal);
    }
}
