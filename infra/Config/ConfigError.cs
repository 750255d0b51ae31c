namespace FargateNetwork.Infra;

/// <summary>
/// One config problem: the full key, the rule it breaks and how to fix it. The value is quoted only when the caller
/// passes it as <c>shown</c>, which it does only for values whose shape cannot hide a secret (a parsed CIDR, an AZ or
/// Region name, a whole number): Pulumi hands the compiler decrypted secrets without saying which keys are secret.
/// </summary>
internal sealed record ConfigProblem(string Key, string Problem, string Fix, string? File = null, string? Shown = null)
{
    public override string ToString()
    {
        var where = File is null ? "" : $" in {File}";
        var shown = Shown is null ? "" : $"'{Shown}' ";
        return $"config {Key}{where}: {shown}{Problem}. Fix: {Fix}";
    }
}

/// <summary>
/// Bad configuration: every problem found in the stack, one line each. The compiler prints each line on stderr and
/// exits 1 without printing a template.
/// </summary>
internal sealed class ConfigError : Exception
{
    public ConfigError(IReadOnlyList<ConfigProblem> problems)
        : base(string.Join("\n", problems))
    {
        Problems = problems;
    }

    public ConfigError(string key, string problem, string fix, string? file = null, string? shown = null)
        : this([new ConfigProblem(key, problem, fix, file, shown)])
    {
    }

    public IReadOnlyList<ConfigProblem> Problems { get; }

    /// <summary>The key of the first problem, e.g. <c>fargate-network:vpcCidr</c>.</summary>
    public string Key => Problems[0].Key;
}
