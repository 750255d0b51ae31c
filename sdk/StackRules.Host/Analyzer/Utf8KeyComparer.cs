using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace StackRules.Host.Analyzer;

/// <summary>
/// The ordinal comparer of <see cref="StringPool"/>'s strings, which also finds them by their UTF-8 bytes as the
/// request holds them: an ASCII string (the keys, URNs, type tokens and ids of a stack) is hashed and compared as its
/// bytes, never decoded to be looked up; any other string by its characters, so a string and its UTF-8 form (invalid
/// bytes decoded to U+FFFD, as the pool decodes them) always hash alike. The ASCII hash is seeded per process, as the
/// runtime's string hashes are, so a request cannot be made of colliding keys ahead of time.
/// </summary>
internal sealed class Utf8KeyComparer : IEqualityComparer<string>, IAlternateEqualityComparer<ReadOnlySpan<byte>, string>
{
    /// <summary>The one comparer.</summary>
    public static readonly Utf8KeyComparer Instance = new();

    /// <summary>Strings up to this many characters are narrowed to bytes on the stack to be hashed; longer ones in a rented buffer.</summary>
    private const int StackChars = 256;

    private const ulong HighBits = 0x8080808080808080UL;

    private static readonly ulong Seed = (ulong)Random.Shared.NextInt64() | 1;

    private Utf8KeyComparer()
    {
    }

    /// <inheritdoc/>
    public bool Equals(string? x, string? y) => string.Equals(x, y, StringComparison.Ordinal);

    /// <inheritdoc/>
    public int GetHashCode(string text)
    {
        byte[]? rented = null;
        Span<byte> bytes = text.Length <= StackChars ? stackalloc byte[text.Length] : (rented = ArrayPool<byte>.Shared.Rent(text.Length));
        try
        {
            // Ascii.FromUtf16 stops at the first non-ASCII character: such a string hashes by its characters.
            return Ascii.FromUtf16(text, bytes, out _) == OperationStatus.Done ? AsciiHash(bytes[..text.Length], out _) : CharHash(text);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <inheritdoc/>
    public bool Equals(ReadOnlySpan<byte> utf8, string other) =>
        Ascii.Equals(utf8, other) || (!Ascii.IsValid(utf8) && DecodedEquals(utf8, other));

    /// <inheritdoc/>
    public int GetHashCode(ReadOnlySpan<byte> utf8) => AsciiHash(utf8, out var ascii) is var hash && ascii ? hash : DecodedHash(utf8);

    /// <inheritdoc/>
    public string Create(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8);

    /// <summary>
    /// A seeded multiply-and-fold hash of bytes, eight at a time (the last eight overlapping the word before them, and
    /// a short string read in two overlapping halves, so no byte loop), and whether they are all ASCII (the hash of
    /// bytes that are not is not used: such a string hashes by its characters).
    /// </summary>
    private static int AsciiHash(ReadOnlySpan<byte> bytes, out bool ascii)
    {
        var length = bytes.Length;
        ref var start = ref MemoryMarshal.GetReference(bytes);
        var hash = Seed ^ (ulong)length;
        ulong high;
        if (length >= 8)
        {
            high = 0;
            var at = 0;
            for (; at <= length - 8; at += 8)
            {
                var word = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, at));
                high |= word;
                hash = Mix(hash ^ word);
            }

            if (at < length)
            {
                var last = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, length - 8));
                high |= last;
                hash = Mix(hash ^ last);
            }
        }
        else
        {
            high = length switch
            {
                >= 4 => Unsafe.ReadUnaligned<uint>(ref start) | ((ulong)Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref start, length - 4)) << 32),
                > 0 => start | ((ulong)Unsafe.Add(ref start, length >> 1) << 8) | ((ulong)Unsafe.Add(ref start, length - 1) << 16),
                _ => 0,
            };
            hash = Mix(hash ^ high);
        }

        ascii = (high & HighBits) == 0;
        hash = Mix(hash);
        return (int)(hash ^ (hash >> 32));

        static ulong Mix(ulong x)
        {
            x *= 0x9E3779B97F4A7C15UL;
            return x ^ (x >> 29);
        }
    }

    private static int CharHash(ReadOnlySpan<char> chars) => string.GetHashCode(chars, StringComparison.Ordinal);

    /// <summary>Whether <paramref name="utf8"/>, decoded as the pool decodes it, is <paramref name="other"/>.</summary>
    private static bool DecodedEquals(ReadOnlySpan<byte> utf8, string other)
    {
        if (Encoding.UTF8.GetCharCount(utf8) != other.Length)
        {
            return false;
        }

        char[]? rented = null;
        Span<char> chars = other.Length <= StackChars ? stackalloc char[other.Length] : (rented = ArrayPool<char>.Shared.Rent(other.Length));
        var equal = chars[..Encoding.UTF8.GetChars(utf8, chars)].SequenceEqual(other);
        Return(rented);
        return equal;
    }

    /// <summary>The hash of <paramref name="utf8"/> decoded (by its characters).</summary>
    private static int DecodedHash(ReadOnlySpan<byte> utf8)
    {
        // A UTF-8 byte is at most one UTF-16 character.
        char[]? rented = null;
        Span<char> chars = utf8.Length <= StackChars ? stackalloc char[utf8.Length] : (rented = ArrayPool<char>.Shared.Rent(utf8.Length));
        var hash = CharHash(chars[..Encoding.UTF8.GetChars(utf8, chars)]);
        Return(rented);
        return hash;
    }

    private static void Return(char[]? rented)
    {
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }
}
