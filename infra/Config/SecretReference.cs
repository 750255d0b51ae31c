using System.Text.RegularExpressions;

namespace FargateNetwork.Infra;

/// <summary>
/// One entry of <c>workload.secrets</c>: an environment variable <see cref="Name"/> filled by ECS from
/// <see cref="ValueFrom"/>, a Secrets Manager secret ARN or an SSM Parameter Store parameter ARN.
/// The task execution role gets read access to exactly these ARNs.
/// </summary>
internal sealed partial record SecretReference(string Name, string ValueFrom, SecretStore Store)
{
    /// <summary>
    /// The ARN IAM needs. A Secrets Manager <c>valueFrom</c> may carry <c>:json-key:version-stage:version-id</c> after the
    /// secret ARN (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-secrets-manager.html);
    /// the policy names the secret itself (the first seven ARN fields).
    /// </summary>
    public string ResourceArn => Store == SecretStore.SecretsManager
        ? string.Join(':', ValueFrom.Split(':').Take(7))
        : ValueFrom;

    /// <summary>Classifies <paramref name="arn"/>, or returns null when it is neither kind.</summary>
    public static SecretStore? StoreOf(string arn) =>
        SecretsManagerArn().IsMatch(arn) ? SecretStore.SecretsManager
        : ParameterArn().IsMatch(arn) ? SecretStore.ParameterStore
        : null;

    [GeneratedRegex(@"\Aarn:aws(-[a-z]+)*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@-]+(:[^:\n]*:[^:\n]*:[^:\n]*)?\z")]
    private static partial Regex SecretsManagerArn();

    [GeneratedRegex(@"\Aarn:aws(-[a-z]+)*:ssm:[a-z0-9-]+:\d{12}:parameter/[A-Za-z0-9/_.-]+\z")]
    private static partial Regex ParameterArn();
}
