using System.Text;

namespace FargateNetwork.Policies.Tests.Fuzz;

/// <summary>
/// Mutations of a document's text, as an attacker or a broken tool would produce them: cuts, flipped and inserted
/// characters, deleted, doubled and swapped lines, and hostile fragments (deep nesting, unterminated collections,
/// aliases, template functions, NUL and control characters, the unknown sentinel). Deterministic for a given
/// <see cref="Random"/>.
/// </summary>
internal static class TextMutator
{
    private static readonly string[] Fragments =
    [
        "[", "]", "{", "}", "a: [\nb\n", ": ", "- ", "&a ", "*a", "<<: *a", "? [a, b]\n: 1\n", "!!binary ", "\t", "\0", "\u0001",
        "\"", "'", "#", "---\n", "...\n", "${", "${a.b}", "$${x}", "fn::join: ['', [x, y]]", "{fn::secret: s}", "{fn::select: [9, [a]]}",
        "{fn::split: [',', a,b]}", "fn::invoke:", "04da6b54-80e4-46f7-96ec-b56ff0331ba9", "1e400", "-0", "0x1F", "0o17", ".nan",
        "null", "~", "true", "\"\\ud800\"", "\\u0000", "\uFEFF", "\u2028", "urn:pulumi:s::p::aws:ec2/vpc:Vpc::v", "::", "$", "{fn::secret: Planted-Secret-Q9z4}", "[{fn::secret: Planted-Secret-Q9z4}]",
    ];

    public static string Mutate(string text, Random random)
    {
        var rounds = 1 + random.Next(3);
        for (var i = 0; i < rounds; i++)
        {
            text = Once(text, random);
        }

        return text;
    }

    private static string Once(string text, Random random)
    {
        if (text.Length == 0)
        {
            return Fragments[random.Next(Fragments.Length)];
        }

        var at = random.Next(text.Length);
        switch (random.Next(12))
        {
            case 0:
                return text[..at];
            case 1:
                return text.Remove(at, Math.Min(text.Length - at, 1 + random.Next(40)));
            case 2:
                return text.Insert(at, Fragments[random.Next(Fragments.Length)]);
            case 3:
                var flipped = text.ToCharArray();
                flipped[at] = (char)(flipped[at] ^ (1 << random.Next(7)));
                return new string(flipped);
            case 4:
                var length = Math.Min(text.Length - at, 1 + random.Next(200));
                return text.Insert(at, text.Substring(at, length));
            case 5:
                return Lines(text, random, (lines, i) => lines.RemoveAt(i));
            case 6:
                return Lines(text, random, (lines, i) => lines.Insert(i, lines[random.Next(lines.Count)]));
            case 7:
                return Lines(text, random, (lines, i) =>
                {
                    var j = random.Next(lines.Count);
                    (lines[i], lines[j]) = (lines[j], lines[i]);
                });
            case 8:
                return Lines(text, random, (lines, i) => lines[i] = new string(' ', random.Next(12)) + lines[i].TrimStart());
            case 9:
                var depth = 1 + random.Next(400);
                var open = random.Next(2) == 0 ? "[" : "{\"a\": ";
                var close = open == "[" ? "]" : "}";
                return text.Insert(at, string.Concat(Enumerable.Repeat(open, depth)) + "1" + (random.Next(3) == 0 ? string.Empty : string.Concat(Enumerable.Repeat(close, depth))));
            case 10:
                var token = new StringBuilder();
                for (var i = random.Next(30); i > 0; i--)
                {
                    token.Append((char)random.Next(1, 0x3000));
                }

                return text.Insert(at, token.ToString());
            default:
                return text.Insert(at, string.Concat(Enumerable.Repeat(Fragments[random.Next(Fragments.Length)], 2 + random.Next(50))));
        }
    }

    private static string Lines(string text, Random random, Action<List<string>, int> change)
    {
        var lines = text.Split('\n').ToList();
        change(lines, random.Next(lines.Count));
        return string.Join('\n', lines);
    }
}
