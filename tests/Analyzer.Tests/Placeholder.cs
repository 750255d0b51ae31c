using FargateNetwork.Tests.Shared;

namespace FargateNetwork.Analyzer.Tests;

public class Placeholder
{
    [Fact]
    public void FindsTheRepositoryRoot() => Assert.True(File.Exists(RepositoryRoot.File("README.md")));
}
