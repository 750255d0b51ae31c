using System.Reflection;
using System.Text.RegularExpressions;
using FargateNetwork.Tests.Shared;

namespace FargateNetwork.Aws.Tests;

/// <summary>
/// Every type token of the core exists in the published @pulumi/aws 7.48.0 package (installed by
/// <c>npm ci --ignore-scripts</c>): a wrong token would make the compiler emit a resource Pulumi cannot create and
/// the pack silently blind to one.
/// </summary>
public class AwsTypesTests
{
    private static readonly string Package = RepositoryRoot.NodePackage("@pulumi/aws");

    public static TheoryData<string> TypeTokens()
    {
        var data = new TheoryData<string>();
        foreach (var field in typeof(AwsTypes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            data.Add((string)field.GetValue(null)!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TypeTokens))]
    public void TypeTokenIsPublished(string token)
    {
        var match = Regex.Match(token, "^aws:([a-z0-9]+)/([A-Za-z0-9]+):([A-Za-z0-9]+)$");
        Assert.True(match.Success, token);
        var js = Path.Combine(Package, match.Groups[1].Value, match.Groups[2].Value + ".js");
        Assert.True(File.Exists(js), $"{js} is missing");
        Assert.Contains($"__pulumiType = '{token}'", File.ReadAllText(js), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryTokenIsWrittenOnce()
    {
        var tokens = typeof(AwsTypes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToList();
        Assert.Equal(tokens.Count, tokens.Distinct(StringComparer.Ordinal).Count());
    }
}
