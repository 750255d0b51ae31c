using System.Buffers;
using System.Text;

namespace StackRules;

/// <summary>
/// The text of a violation's message, held as the string it was given (<see cref="Of"/>) or as UTF-8
/// (<see cref="Utf8Of"/>: half the memory of a string for English text, and what Pulumi's wire carries, so the
/// analyzer writes it as it is). A policy that reports many long messages builds each in a reused buffer and passes
/// the characters to <see cref="Utf8Of"/>; any other passes a string. Two texts are equal when their characters are,
/// however each is held.
/// </summary>
public sealed class MessageText : IEquatable<MessageText>
{
    private readonly byte[]? utf8;
    private string? text;

    private MessageText(string? text, byte[]? utf8)
    {
        this.text = text;
        this.utf8 = utf8;
    }

    /// <summary>The empty text.</summary>
    public static MessageText Empty { get; } = new("", null);

    /// <summary>The text <paramref name="text"/>, held as that string.</summary>
    public static MessageText Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? Empty : new(text, null);
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
        return new(null, bytes);
    }

    /// <summary>The length of the text in UTF-8 bytes.</summary>
    public int Utf8Length => utf8?.Length ?? Encoding.UTF8.GetByteCount(text!);

    /// <summary>The text as a string (made once from UTF-8 when it is held so).</summary>
    public override string ToString() => text ??= Encoding.UTF8.GetString(utf8!);

    /// <summary>Writes the text as UTF-8 to <paramref name="writer"/>.</summary>
    public void WriteUtf8(IBufferWriter<byte> writer)
    {
        if (utf8 is not null)
        {
            writer.Write(utf8);
        }
        else
        {
            Encoding.UTF8.GetBytes(text!, writer);
        }
    }

    /// <summary>The UTF-8 bytes when the text is held so, else null (the string is then <see cref="ToString"/>).</summary>
    internal byte[]? Utf8Bytes => utf8;

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

        return string.Equals(ToString(), other.ToString(), StringComparison.Ordinal);
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

        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text!.Length));
        try
        {
            hash.AddBytes(buffer.AsSpan(0, Encoding.UTF8.GetBytes(text, buffer)));
            return hash.ToHashCode();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
