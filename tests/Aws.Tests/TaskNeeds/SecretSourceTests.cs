namespace FargateNetwork.Aws.Tests;

public class SecretSourceTests
{
    [Theory]
    [InlineData("arn:aws:secretsmanager:ap-northeast-1:111122223333:secret:db-AbCdEf", SecretStore.SecretsManager, "ap-northeast-1", "secretsmanager")]
    [InlineData("arn:aws:secretsmanager:us-east-1:111122223333:secret:db-AbCdEf:password:AWSCURRENT:", SecretStore.SecretsManager, "us-east-1", "secretsmanager")]
    [InlineData("arn:aws-cn:ssm:cn-north-1:111122223333:parameter/app/key", SecretStore.ParameterStore, "cn-north-1", "ssm")]
    [InlineData("/app/key", SecretStore.ParameterStore, null, "ssm")]
    [InlineData("app-key", SecretStore.ParameterStore, null, "ssm")]
    public void ValueFromNamesTheStoreAndTheRegion(string valueFrom, SecretStore store, string? region, string service)
    {
        var source = SecretSource.FromValueFrom(valueFrom);
        Assert.Equal((store, region, service), (source.Store, source.Region, source.Service));
    }
}
