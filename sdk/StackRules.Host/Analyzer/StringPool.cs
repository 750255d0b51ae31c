using System.Text;

namespace StackRules.Host.Analyzer;

/// <summary>
/// The strings of one request, decoded from UTF-8 once per distinct value: property keys, type tokens and the URNs
/// that dependencies repeat are shared, not copied per occurrence. Invalid UTF-8 becomes U+FFFD, as Google.Protobuf's
/// <c>ReadString</c> decodes it. Long strings (JSON documents, policies) are rarely repeated and are not pooled.
/// </summary>
internal sealed class StringPool
{
    /// <summary>Strings up to this many UTF-8 bytes are pooled.</summary>
    public const int MaxPooledBytes = 256;

    private readonly HashSet<string> strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup;

    public StringPool() => lookup = strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length == 0)
        {
            return "";
        }

        if (utf8.Length > MaxPooledBytes)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        Span<char> chars = stackalloc char[MaxPooledBytes];
        var length = Encoding.UTF8.GetChars(utf8, chars);
        var text = chars[..length];
        if (lookup.TryGetValue(text, out var pooled))
        {
            return pooled;
        }

        var created = new string(text);
        strings.Add(created);
        return created;
    }
}
