using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FargateNetwork.Infra;

/// <summary>Reads <c>workload.secrets</c>: a list of <c>{name, valueFrom}</c> into <see cref="SecretReference"/>s.</summary>
internal static partial class SecretsReader
{
    public static List<SecretReference> Read(ConfigSource source, string key, JsonNode? node)
    {
        var secrets = new List<SecretReference>();
        if (node is null)
        {
            return secrets;
        }

        if (node is not JsonArray array)
        {
            throw source.Error(key, "must be a list", "use [{\"name\": \"DB_PASSWORD\", \"valueFrom\": \"arn:aws:secretsmanager:...\"}]");
        }

        foreach (var item in array)
        {
            var entry = source.Object(key, item ?? throw source.Error(key, "has an empty entry", "remove it"), ["name", "valueFrom"]);
            var name = entry["name"] is { } n ? source.Scalar(key + ".name", n) : null;
            if (name is null || !EnvironmentName().IsMatch(name))
            {
                throw source.Error(key + ".name", "must be an environment variable name (a letter or _, then letters, digits and _)", "use a name such as DB_PASSWORD");
            }

            var valueFrom = entry["valueFrom"] is { } vf ? source.Scalar(key + ".valueFrom", vf) : null;
            var store = valueFrom is null ? null : SecretReference.StoreOf(valueFrom);
            if (valueFrom is null || store is null)
            {
                throw source.Error(key + ".valueFrom", "is not a Secrets Manager secret ARN or an SSM parameter ARN", "use arn:aws:secretsmanager:<region>:<account>:secret:<name> or arn:aws:ssm:<region>:<account>:parameter/<name>");
            }

            if (secrets.Any(x => x.Name == name))
            {
                throw source.Error(key + ".name", "uses the same variable name twice", "give each secret its own variable name", name);
            }

            secrets.Add(new SecretReference(name, valueFrom, store.Value));
        }

        return secrets;
    }

    [GeneratedRegex(@"\A[A-Za-z_][A-Za-z0-9_]*\z")]
    private static partial Regex EnvironmentName();
}
