using System.Buffers;
using System.Text;

namespace StackRules;

/// <summary>
/// The text of a violation's message, held as the string it was given (<see cref="Of"/>), as UTF-8
/// (<see cref="Utf8Of"/>: half the memory of a string for English text, and what Pulumi's wire carries), or as the
/// strings it is made of, one after the other (<see cref="Concat"/>: a policy that reports many long messages made of
/// the same sentences and names keeps only the list of them, not their text again). A message is written to the wire
/// as it is held, and made into one string only when <see cref="ToString"/> is first called. Two texts are equal when
/// their characters are, however each is held.
/// </summary>
public sealed class MessageText : IEquatable<MessageText>
{
    private readonly byte[]? utf8;
    private readonly string[]? parts;
    private string? text;
    private int utf8Length = -1;

    private MessageText(string? text, byte[]? utf8, string[]? parts)
    {
        this.text = text;
        this.utf8 = utf8;
        this.parts = parts;
    }

    /// <summary>The empty text.</summary>
    public static MessageText Empty { get; } = new("", null, null);

    /// <summary>The text <paramref name="text"/>, held as that string.</summary>
    public static MessageText Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? Empty : new(text, null, null);
    }

    /// <summary>
    /// The text of <paramref name="text"/>, held as UTF-8 (a lone surrogate becomes U+FFFD, as it does when a string
    /// is written to the wire).
    /// </summary>
    public static MessageText Utf8Of(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return Empty;
        }

        var bytes = new byte[Encoding.UTF8.GetByteCount(text)];
        Encoding.UTF8.GetBytes(text, bytes);
        return new(null, bytes, null);
    }

    /// <summary>
    /// The text of <paramref name="parts"/> one after the other, held as those strings (the list is copied, not the
    /// text): for a message made of sentences and names that other messages share.
    /// </summary>
    public static MessageText Concat(ReadOnlySpan<string> parts)
    {
        switch (parts.Length)
        {
            case 0: return Empty;
            case 1: return Of(parts[0]);
        }

        var highBefore = false;
        foreach (var part in parts)
        {
            // A surrogate pair split between two parts (empty ones between them too) is one character: written part
            // by part it would be two replacement characters, so such a text is held as one string.
            if (part.Length == 0)
            {
                continue;
            }

            if (highBefore && char.IsLowSurrogate(part[0]))
            {
                return Of(string.Concat(parts));
            }

            highBefore = char.IsHighSurrogate(part[^1]);
        }

        return new(null, null, parts.ToArray());
    }

    /// <summary>The length of the text in UTF-8 bytes.</summary>
    public int Utf8Length
    {
        get
        {
            if (utf8Length < 0)
            {
                utf8Length = utf8?.Length ?? (parts is null ? Encoding.UTF8.GetByteCount(text!) : PartsByteCount(parts));
            }

            return utf8Length;
        }
    }

    /// <summary>The UTF-8 bytes when the text is held so, else null.</summary>
    internal byte[]? Utf8Bytes => utf8;

    /// <summary>The text as a string (made once when it is held otherwise).</summary>
    public override string ToString() => text ??= parts is null ? Encoding.UTF8.GetString(utf8!) : string.Concat(parts);

    /// <summary>Writes the text as UTF-8 to <paramref name="writer"/>.</summary>
    public void WriteUtf8(IBufferWriter<byte> writer)
    {
        if (utf8 is not null)
        {
            writer.Write(utf8);
        }
        else if (parts is not null)
        {
            foreach (var part in parts)
            {
                Encoding.UTF8.GetBytes(part, writer);
            }
        }
        else
        {
            Encoding.UTF8.GetBytes(text!, writer);
        }
    }

    /// <summary>
    /// The text's characters in a buffer rented from <see cref="ArrayPool{T}.Shared"/> (to give back), without making
    /// a string; returns how many there are.
    /// </summary>
    internal int RentCharacters(out char[] buffer)
    {
        if (utf8 is not null)
        {
            buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, Encoding.UTF8.GetMaxCharCount(utf8.Length)));
            return Encoding.UTF8.GetChars(utf8, buffer);
        }

        if (parts is null)
        {
            buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, text!.Length));
            text.CopyTo(buffer);
            return text.Length;
        }

        var length = 0;
        foreach (var part in parts)
        {
            length += part.Length;
        }

        buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, length));
        var at = 0;
        foreach (var part in parts)
        {
            part.CopyTo(buffer.AsSpan(at));
            at += part.Length;
        }

        return length;
    }

    /// <inheritdoc/>
    public bool Equals(MessageText? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null)
        {
            return false;
        }

        if (utf8 is not null && other.utf8 is not null)
        {
            return utf8.AsSpan().SequenceEqual(other.utf8);
        }

        if (text is not null && other.text is not null)
        {
            return string.Equals(text, other.text, StringComparison.Ordinal);
        }

        var length = RentCharacters(out var mine);
        var otherLength = other.RentCharacters(out var theirs);
        try
        {
            return mine.AsSpan(0, length).SequenceEqual(theirs.AsSpan(0, otherLength));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(mine);
            ArrayPool<char>.Shared.Return(theirs);
        }
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as MessageText);

    /// <summary>A hash of the text's UTF-8 bytes (the same for equal texts however each is held).</summary>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        if (utf8 is not null)
        {
            hash.AddBytes(utf8);
            return hash.ToHashCode();
        }

        var length = RentCharacters(out var characters);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, Encoding.UTF8.GetMaxByteCount(length)));
        try
        {
            hash.AddBytes(buffer.AsSpan(0, Encoding.UTF8.GetBytes(characters.AsSpan(0, length), buffer)));
            return hash.ToHashCode();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            ArrayPool<char>.Shared.Return(characters);
        }
    }

    private static int PartsByteCount(string[] parts)
    {
        var count = 0;
        foreach (var part in parts)
        {
            count += Encoding.UTF8.GetByteCount(part);
        }

        return count;
    }
}
