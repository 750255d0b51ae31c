using FargateNetwork.Policies.Tests.Check;

namespace FargateNetwork.Policies.Tests.Fuzz;

/// <summary>
/// What the fuzz suite runs one generated input against: a name (the file extension of kept failures follows
/// <see cref="Extension"/>), the run itself, and the exit codes it may give. Another program (such as the infra
/// compiler with a generated config) is one more target.
/// </summary>
/// <param name="Secrets">The plaintexts no output may print while the input holds them only as secrets.</param>
/// <param name="Readable">For a stack input: reads it, to tell whether a planted plaintext is still only a secret.</param>
internal sealed record FuzzTarget(
    string Name,
    string Extension,
    Func<string, CheckRun> Run,
    IReadOnlySet<int> Exits,
    IReadOnlyList<string> Secrets,
    Func<string, IEnumerable<string>?>? Readable = null);
