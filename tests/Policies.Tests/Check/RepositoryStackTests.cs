namespace FargateNetwork.Policies.Tests.Check;

/// <summary>The stacks of this repository, compiled by our infra compiler, pass; a mutation of prod fails.</summary>
public class RepositoryStackTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void OurStacksHaveNoMandatoryViolation(string stack)
    {
        var run = CheckRun.InProcess(DotnetProcess.CompileStack(stack), "--format", "json", "-");
        Assert.True(run.Exit == 0, run.Stdout + run.Stderr);
        Assert.DoesNotContain(run.Json().GetProperty("violations").EnumerateArray(), v => v.GetProperty("enforcementLevel").GetString() == "mandatory");
        Assert.NotEqual(0, run.Json().GetProperty("reachability").GetArrayLength());
    }

    [Fact]
    public void ProdReachesEcrS3AndLogsThroughEndpoints()
    {
        var rows = CheckRun.InProcess(DotnetProcess.CompileStack("prod"), "--format", "json", "-").Json().GetProperty("reachability").EnumerateArray()
            .Select(r => (Destination: r.GetProperty("destination").GetString(), Path: r.GetProperty("path").GetString()))
            .ToList();
        Assert.All(rows.Where(r => r.Destination is "ecr.api" or "ecr.dkr" or "logs" or "secretsmanager"), r => Assert.Equal("interface-endpoint", r.Path));
        Assert.All(rows.Where(r => r.Destination == "s3"), r => Assert.Equal("gateway-endpoint", r.Path));
        Assert.Contains(rows, r => r.Destination == "203.0.113.0/24" && r.Path == "nat-gateway");
    }

    [Fact]
    public void ProdWithPrivateDnsOffOnTheEcrApiEndpointFails()
    {
        var template = DotnetProcess.CompileStack("prod");
        var endpoint = template.IndexOf("\"endpoint-ecr-api\":", StringComparison.Ordinal);
        var dns = template.IndexOf("\"privateDnsEnabled\": true", endpoint, StringComparison.Ordinal);
        Assert.True(endpoint > 0 && dns > endpoint);
        var mutated = string.Concat(template.AsSpan(0, dns), "\"privateDnsEnabled\": false", template.AsSpan(dns + "\"privateDnsEnabled\": true".Length));
        var run = CheckRun.InProcess(mutated, "--format", "json", "-");
        Assert.Equal(1, run.Exit);
        Assert.Contains(run.Violations(), v => v.Policy == "interface-endpoint-private-dns" && v.Name == "endpoint-ecr-api");
    }
}
