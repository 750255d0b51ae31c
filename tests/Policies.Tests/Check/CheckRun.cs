using FargateNetwork.Policies.Pack;
using System.Text;
using System.Text.Json;
using StackRules.Host.Check;

namespace FargateNetwork.Policies.Tests.Check;

/// <summary>The outcome of one <c>check</c> run: exit code, standard output, standard error.</summary>
internal sealed record CheckRun(int Exit, string Stdout, string Stderr)
{
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "inputs", name);

    /// <summary>Runs the command in-process, as <c>Program</c> does.</summary>
    public static CheckRun InProcess(string? stdin, params string[] args)
    {
        using var stdout = new MemoryStream();
        var stderr = new StringWriter();
        var exit = CheckCommand.Run(FargatePack.Definition, args, new StringReader(stdin ?? string.Empty), stdout, stderr);
        return new CheckRun(exit, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
    }

    public static CheckRun Of(params string[] args) => InProcess(null, args);

    public JsonElement Json() => JsonDocument.Parse(Stdout).RootElement;

    /// <summary>(policy, name, message) of each violation of a json-format run.</summary>
    public HashSet<(string Policy, string Name, string Message)> Violations() =>
        Json().GetProperty("violations").EnumerateArray()
            .Select(v => (v.GetProperty("policy").GetString()!, v.GetProperty("name").GetString()!, v.GetProperty("message").GetString()!))
            .ToHashSet();
}
