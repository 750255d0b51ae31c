namespace FargateNetwork.Infra;

/// <summary>
/// Bad configuration: names the full config key, the value given and how to fix it.
/// The compiler prints <see cref="Exception.Message"/> as its one line on stderr and exits 1.
/// </summary>
internal sealed class ConfigError : Exception
{
    public ConfigError(string key, string? value, string problem, string fix, string? file = null)
        : base(Format(key, value, problem, fix, file))
    {
        Key = key;
    }

    /// <summary>The full key, e.g. <c>fargate-network:vpcCidr</c>.</summary>
    public string Key { get; }

    private static string Format(string key, string? value, string problem, string fix, string? file)
    {
        var where = file is null ? "" : $" in {file}";
        var shown = value is null ? "(not set)" : $"'{value}'";
        return $"config {key}{where}: {shown} {problem}. Fix: {fix}";
    }
}
