namespace FargateNetwork.Aws;

/// <summary>Where ECS fetches a container secret from.</summary>
public enum SecretStore
{
    SecretsManager,
    ParameterStore,
}

/// <summary>
/// One secret ECS fetches for a container before it starts (<c>secrets[].valueFrom</c>, or
/// <c>repositoryCredentials.credentialsParameter</c>, which is a Secrets Manager secret): the store, and the Region
/// when the ARN names one (null: the task's own Region, as for a parameter name).
/// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html
/// </summary>
public sealed record SecretSource(SecretStore Store, string? Region = null)
{
    /// <summary>
    /// Reads a <c>valueFrom</c>: a Secrets Manager ARN (<c>arn:PARTITION:secretsmanager:REGION:...</c>), an SSM
    /// parameter ARN, or a parameter name (SSM, same Region).
    /// </summary>
    public static SecretSource FromValueFrom(string valueFrom)
    {
        ArgumentNullException.ThrowIfNull(valueFrom);
        var store = valueFrom.Contains(":secretsmanager:", StringComparison.Ordinal) ? SecretStore.SecretsManager : SecretStore.ParameterStore;
        return new SecretSource(store, AwsArn.RegionOf(valueFrom));
    }

    /// <summary>The service that serves the store (<c>secretsmanager</c> or <c>ssm</c>).</summary>
    public string Service => Store == SecretStore.SecretsManager ? AwsService.SecretsManager : AwsService.Ssm;
}
