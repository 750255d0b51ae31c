namespace FargateNetwork.Infra.Tests;

public class Placeholder
{
    [Fact]
    public void Builds() => Assert.True(typeof(Placeholder).Assembly.GetName().Name == "FargateNetwork.Infra.Tests");
}
