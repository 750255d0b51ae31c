namespace FargateNetwork.Analyzer.Tests;

public class Placeholder
{
    [Fact]
    public void Builds() => Assert.True(typeof(Placeholder).Assembly.GetName().Name == "FargateNetwork.Analyzer.Tests");
}
