using System.Buffers;
using System.Text;

namespace StackRules;

/// <summary>
/// Hides the secret texts of a stack in a message: every character covered by an occurrence of any secret is part
/// of a run written once as <c>[secret]</c> (overlapping or adjacent occurrences make one run), so no part of a
/// secret is left beside another. One pass over the message with a multi-string search (<see cref="SearchValues{T}"/>):
/// the cost of a message does not grow with the number of secrets in the stack.
/// </summary>
internal sealed class SecretScreen
{
    /// <summary>What a covered run becomes.</summary>
    public const string Mask = "[secret]";

    /// <summary>Secret texts shorter than this are not screened: "on", "1" or "a" would blank out ordinary words.</summary>
    public const int MinScreenedLength = 4;

    /// <summary>How much of each secret the search looks for; the rest is compared where that much is found.</summary>
    private const int PrefixLength = 8;

    private readonly string[] secrets;
    private readonly SearchValues<string>? prefixes;

    /// <summary>A screen for <paramref name="texts"/>; those shorter than <see cref="MinScreenedLength"/> are ignored.</summary>
    public SecretScreen(IEnumerable<string> texts)
    {
        secrets = texts.Where(s => s.Length >= MinScreenedLength).Distinct(StringComparer.Ordinal).ToArray();
        // Searching for whole secrets would build a search structure as large as all of them (a stack's container
        // definitions are secrets of hundreds of characters each); their first characters find the same places.
        prefixes = secrets.Length == 0
            ? null
            : SearchValues.Create(secrets.Select(s => s[..Math.Min(s.Length, PrefixLength)]).Distinct(StringComparer.Ordinal).ToArray(), StringComparison.Ordinal);
    }

    /// <summary>How many distinct texts are screened.</summary>
    public int Count => secrets.Length;

    /// <summary><paramref name="text"/> with every covered run replaced by <see cref="Mask"/>; the same string when nothing is covered.</summary>
    public string Apply(string text)
    {
        var span = text.AsSpan();
        var runStart = NextOccurrence(span, 0, out var length);
        if (runStart < 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var written = 0;
        while (runStart >= 0)
        {
            // The run starting here, extended by every occurrence that starts inside it or right after it.
            var end = runStart + length;
            var next = NextOccurrence(span, runStart + 1, out length);
            while (next >= 0 && next <= end)
            {
                end = Math.Max(end, next + length);
                next = NextOccurrence(span, next + 1, out length);
            }

            result.Append(span[written..runStart]).Append(Mask);
            written = end;
            runStart = next;
        }

        return result.Append(span[written..]).ToString();
    }

    /// <summary>
    /// <paramref name="message"/> screened as <see cref="Apply(string)"/> screens text; the same object when nothing is
    /// covered. A message held otherwise than as a string is searched in its characters copied into a rented buffer,
    /// so no string is made for it unless a secret is found.
    /// </summary>
    public MessageText Apply(MessageText message)
    {
        if (prefixes is null)
        {
            return message;
        }

        var length = message.RentCharacters(out var buffer);
        try
        {
            if (NextOccurrence(buffer.AsSpan(0, length), 0, out _) < 0)
            {
                return message;
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }

        return MessageText.Of(Apply(message.ToString()));
    }

    /// <summary>The first index at or after <paramref name="from"/> where a secret occurs, and the longest one there; -1 when none.</summary>
    private int NextOccurrence(ReadOnlySpan<char> span, int from, out int length)
    {
        length = 0;
        while (prefixes is not null && from < span.Length)
        {
            var at = span[from..].IndexOfAny(prefixes);
            if (at < 0)
            {
                return -1;
            }

            length = LongestAt(span, from + at);
            if (length > 0)
            {
                return from + at;
            }

            from += at + 1;
        }

        return -1;
    }

    /// <summary>The length of the longest secret that occurs at <paramref name="index"/>; 0 when none does.</summary>
    private int LongestAt(ReadOnlySpan<char> span, int index)
    {
        var longest = 0;
        var rest = span[index..];
        foreach (var secret in secrets)
        {
            if (secret.Length > longest && rest.StartsWith(secret, StringComparison.Ordinal))
            {
                longest = secret.Length;
            }
        }

        return longest;
    }
}
