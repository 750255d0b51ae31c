using System.Buffers;
using System.Text;
using StringValue = StackRules.StringValue;

namespace StackRules.Host.Analyzer;

/// <summary>
/// The strings of one request, decoded from UTF-8 once per distinct value: property keys, type tokens, the URNs that
/// dependencies repeat and the string values that copies of a resource repeat are shared, not copied per occurrence
/// (a string value as one <see cref="StringValue"/>, which is immutable). Invalid UTF-8 becomes U+FFFD, as
/// Google.Protobuf's <c>ReadString</c> decodes it. Long strings (JSON documents, policies) are pooled too: a copy of
/// a resource repeats its container definitions, and a distinct one costs only its pool entry besides itself. Only
/// very long strings (past <see cref="MaxPooledBytes"/>) are not.
/// </summary>
internal sealed class StringPool
{
    /// <summary>Strings up to this many UTF-8 bytes are pooled.</summary>
    public const int MaxPooledBytes = 16 * 1024;

    /// <summary>Strings up to this many UTF-8 bytes are decoded on the stack; longer ones into a rented buffer.</summary>
    private const int StackBytes = 256;

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

        char[]? rented = null;
        Span<char> chars = utf8.Length <= StackBytes ? stackalloc char[StackBytes] : (rented = ArrayPool<char>.Shared.Rent(utf8.Length));
        var text = chars[..Encoding.UTF8.GetChars(utf8, chars)];
        string result;
        if (lookup.TryGetValue(text, out var pooled, out _))
        {
            result = pooled;
        }
        else
        {
            result = new string(text);
            strings.Add(result, null);
        }

        Return(rented);
        return result;
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

        char[]? rented = null;
        Span<char> chars = utf8.Length <= StackBytes ? stackalloc char[StackBytes] : (rented = ArrayPool<char>.Shared.Rent(utf8.Length));
        var text = chars[..Encoding.UTF8.GetChars(utf8, chars)];
        StringValue result;
        if (lookup.TryGetValue(text, out var pooled, out var value))
        {
            result = value ?? (strings[pooled] = new StringValue(pooled));
        }
        else
        {
            result = new StringValue(new string(text));
            strings.Add(result.Value, result);
        }

        Return(rented);
        return result;
    }

    private static void Return(char[]? rented)
    {
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }
}
