using System.Text;
using StringValue = StackRules.StringValue;

namespace StackRules.Host.Analyzer;

/// <summary>
/// The strings of one request, decoded from UTF-8 once per distinct value: property keys, type tokens, the URNs that
/// dependencies repeat and the string values that copies of a resource repeat are shared, not copied per occurrence
/// (a string value as one <see cref="StringValue"/>, which is immutable). Invalid UTF-8 becomes U+FFFD, as
/// Google.Protobuf's <c>ReadString</c> decodes it. Long strings (JSON documents, policies) are rarely repeated and are
/// not pooled.
/// </summary>
internal sealed class StringPool
{
    /// <summary>Strings up to this many UTF-8 bytes are pooled.</summary>
    public const int MaxPooledBytes = 256;

    /// <summary>About one distinct pooled string per this many request bytes (the pool's initial size).</summary>
    private const int BytesPerString = 1024;

    private static readonly StringValue EmptyValue = new("");

    private readonly Dictionary<string, StringValue?> strings;
    private readonly Dictionary<string, StringValue?>.AlternateLookup<ReadOnlySpan<char>> lookup;

    /// <summary>A pool for a request of <paramref name="requestLength"/> bytes.</summary>
    public StringPool(int requestLength = 0)
    {
        strings = new Dictionary<string, StringValue?>(Math.Min(requestLength / BytesPerString, 1 << 20), StringComparer.Ordinal);
        lookup = strings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>A string that is not pooled (one that occurs once, such as a resource's name).</summary>
    public static string Unpooled(ReadOnlySpan<byte> utf8) => utf8.Length == 0 ? "" : Encoding.UTF8.GetString(utf8);

    /// <summary>The string of <paramref name="utf8"/>, shared with every equal one of the request.</summary>
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
        var text = chars[..Encoding.UTF8.GetChars(utf8, chars)];
        if (lookup.TryGetValue(text, out var pooled, out _))
        {
            return pooled;
        }

        var created = new string(text);
        strings.Add(created, null);
        return created;
    }

    /// <summary>The string value of <paramref name="utf8"/>, shared with every equal one of the request.</summary>
    public StringValue Value(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length == 0)
        {
            return EmptyValue;
        }

        if (utf8.Length > MaxPooledBytes)
        {
            return new StringValue(Encoding.UTF8.GetString(utf8));
        }

        Span<char> chars = stackalloc char[MaxPooledBytes];
        var text = chars[..Encoding.UTF8.GetChars(utf8, chars)];
        if (lookup.TryGetValue(text, out var pooled, out var value))
        {
            return value ?? (strings[pooled] = new StringValue(pooled));
        }

        var created = new StringValue(new string(text));
        strings.Add(created.Value, created);
        return created;
    }
}
