using FargateNetwork.Policies.Pack;
using System.Security.Cryptography;
using System.Text;
using StackRules.Inputs;
using FargateNetwork.Policies.Tests.Check;
using FargateNetwork.Tests.Shared;

namespace FargateNetwork.Policies.Tests.Fuzz;

/// <summary>
/// Runs generated inputs against a <see cref="FuzzTarget"/> and checks the contract for hostile input: an exit code
/// the target allows, no stack trace or internal error on either stream, an answer within <see cref="Timeout"/>, and
/// no secret plaintext in any output while the input holds it only as a secret. A failing input is written to
/// <c>tests/Policies.Tests/Fixtures/fuzz-regressions/</c> (commit it: <see cref="FuzzTests"/> replays every file
/// there), and the failure names it.
/// </summary>
internal static class FuzzHarness
{
    /// <summary>Far above any honest input's time; a slower answer is a hang or a quadratic reader.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public static string RegressionDirectory => RepositoryRoot.File("tests", "Policies.Tests", "Fixtures", "fuzz-regressions");

    /// <summary>The failures among <paramref name="inputs"/>: one line each, naming the kept file.</summary>
    public static List<string> Run(FuzzTarget target, IEnumerable<string> inputs, bool keep = true)
    {
        var failures = new List<string>();
        foreach (var input in inputs)
        {
            if (Check(target, input) is { } failure)
            {
                failures.Add(keep ? $"{failure} (kept as {Keep(target, input)})" : failure);
            }
        }

        return failures;
    }

    /// <summary>What is wrong with <paramref name="target"/>'s answer to <paramref name="input"/>, or null.</summary>
    public static string? Check(FuzzTarget target, string input)
    {
        var run = Task.Run(() => target.Run(input));
        if (!run.Wait(Timeout))
        {
            return $"{target.Name}: no answer within {Timeout.TotalSeconds} s";
        }

        var result = run.Result;
        var output = result.Stdout + result.Stderr;
        if (!target.Exits.Contains(result.Exit))
        {
            return $"{target.Name}: exit {result.Exit}: {FirstLine(result.Stderr)}";
        }

        if (result.Stderr.Contains("   at ", StringComparison.Ordinal) || output.Contains("internal error", StringComparison.Ordinal)
            || result.Stderr.Split('\n').Any(line => line.Length > 0 && line.Contains("Exception", StringComparison.Ordinal)))
        {
            return $"{target.Name}: a stack trace or internal error: {FirstLine(result.Stderr)}";
        }

        foreach (var secret in target.Secrets)
        {
            if (output.Contains(secret, StringComparison.Ordinal) && OnlySecret(target, input, secret))
            {
                return $"{target.Name}: printed the secret plaintext {secret}";
            }
        }

        return null;
    }

    /// <summary>
    /// True when the input holds <paramref name="secret"/> only inside secret values, as the readers see it: every
    /// URN, type, id, key and non-secret string of every resource is free of it. An input that does not read is not
    /// judged (its error names keys and positions, never values, and a mutation may have moved the text anywhere).
    /// </summary>
    private static bool OnlySecret(FuzzTarget target, string input, string secret)
    {
        var texts = target.Readable?.Invoke(input);
        return texts is not null && !texts.Any(t => t.Contains(secret, StringComparison.Ordinal));
    }

    /// <summary>The non-secret texts of a stack input, or null when it does not read.</summary>
    public static IEnumerable<string>? PlainTexts(string input)
    {
        StackInput stack;
        try
        {
            stack = StackInput.Parse(input, "fuzz", "fuzz", FargatePack.References);
        }
        catch (InputException)
        {
            return null;
        }

        var texts = new List<string>();
        foreach (var resource in stack.Resources)
        {
            texts.AddRange([resource.Urn, resource.Type, resource.Name, resource.Id ?? string.Empty, resource.Parent ?? string.Empty]);
            Plain(resource.Inputs, texts, new HashSet<PropertyValue>(ReferenceEqualityComparer.Instance));
            if (resource.Outputs is { } outputs)
            {
                Plain(outputs, texts, new HashSet<PropertyValue>(ReferenceEqualityComparer.Instance));
            }
        }

        return texts;
    }

    private static void Plain(PropertyValue value, List<string> texts, HashSet<PropertyValue> seen)
    {
        if (!seen.Add(value))
        {
            return;
        }

        switch (value)
        {
            case StringValue s:
                texts.Add(s.Value);
                break;
            case ReferenceValue r:
                texts.Add(r.TargetUrn);
                texts.Add(r.Property);
                break;
            case ArrayValue a:
                foreach (var item in a.Items)
                {
                    Plain(item, texts, seen);
                }

                break;
            case ObjectValue o:
                foreach (var (key, item) in o.Properties)
                {
                    texts.Add(key);
                    Plain(item, texts, seen);
                }

                break;
        }
    }

    private static string Keep(FuzzTarget target, string input)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(input)))[..12];
        var path = Path.Combine(RegressionDirectory, $"{target.Name}-{hash}.{target.Extension}");
        Directory.CreateDirectory(RegressionDirectory);
        File.WriteAllText(path, input);
        return Path.GetRelativePath(RepositoryRoot.Path, path);
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim() is { Length: > 0 } line ? line[..Math.Min(line.Length, 300)] : "(nothing on stderr)";
}
