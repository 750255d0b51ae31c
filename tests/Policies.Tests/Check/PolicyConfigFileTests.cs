using FargateNetwork.Policies.Contract;
using StackRules.Inputs;
using FargateNetwork.Policies.Pack;
using FargateNetwork.Policies.Report;

namespace FargateNetwork.Policies.Tests.Check;

/// <summary>A bad <c>--config</c> file is one line naming the file and the key, exit 2, found before any policy runs.</summary>
public sealed class PolicyConfigFileTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"policy-config-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(path);

    public static TheoryData<string, string> Bad() => new()
    {
        { """{"all":"advisory","all":"mandatory"}""", "the policy config gives \"all\" twice; keep one" },
        { """{"image-pulls-through-nat":{"pullsPerDay":5,"pullsPerDay":6}}""", "the policy config gives \"image-pulls-through-nat.pullsPerDay\" twice; keep one" },
        { """{"fixed-egress-through-nat":{"fixedEgressCidrs":[{"a":1,"a":2}]}}""", "the policy config gives \"fixed-egress-through-nat.fixedEgressCidrs[0].a\" twice; keep one" },
        { new string('[', 100) + new string(']', 100), "invalid JSON in the policy config at line 1: The maximum configured depth of 32 has been exceeded" },
        { "[1]", "the policy config must be a JSON object" },
        { """{"image-pulls-through-nat":{"pullsPerDay":4.7E+174}}""", "policy config: \"image-pulls-through-nat.pullsPerDay\" must be at most 1000000000, not 4.7E+174." },
        { """{"all": "sometimes"}""", "policy config: \"all\" has enforcement level \"sometimes\"" },
        { "{\"all\": \"advisory\"\n", "invalid JSON in the policy config at line 2" },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void ABadConfigIsOneLineAndExitTwo(string json, string expected)
    {
        File.WriteAllText(path, json);
        var run = CheckRun.Of("--config", path, CheckRun.Fixture("nat-pulls.yaml"));
        Assert.Equal(2, run.Exit);
        Assert.StartsWith($"{path}: {expected}", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, run.Stderr.Count(c => c == '\n'));
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public void AConfigOverTheSizeLimitIsRefused()
    {
        using (var file = File.Create(path))
        {
            file.SetLength(InputLimits.MaxConfigBytes + 1);
        }

        var e = Assert.Throws<InputException>(() => PolicyConfigFile.Read(path));
        Assert.Equal($"{path}: larger than 1 MiB, the most the check reads from one policy config; check a smaller stack or split the file", e.Message);
    }

    [Fact]
    public void AGoodConfigWithCommentsAndTrailingCommasIsRead()
    {
        File.WriteAllText(path, "{ // levels\n \"all\": \"advisory\", \"image-pulls-through-nat\": {\"pullsPerDay\": 7,},}");
        var config = PolicyConfigFile.Read(path);
        Assert.Equal(7, FargatePack.Create(config).SettingsOf("image-pulls-through-nat").Number("pullsPerDay", -1));
        Assert.Equal(EnforcementLevel.Advisory, FargatePack.Create(config).SettingsOf("nat-gateway-in-public-subnet").Level);
    }
}
