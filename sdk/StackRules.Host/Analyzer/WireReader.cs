using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace StackRules.Host.Analyzer;

/// <summary>
/// Reads the protobuf wire format (https://protobuf.dev/programming-guides/encoding/) from a span, field by field,
/// as Google.Protobuf does: varints, 64-bit fields, length-delimited fields (strings, bytes, nested messages), and
/// skipping of unknown fields, groups included. A nested message is read by a new reader over its bytes, so there is
/// no limit stack and no copy. Malformed input throws <see cref="InvalidDataException"/> with what is wrong.
/// </summary>
internal ref struct WireReader(ReadOnlySpan<byte> data)
{
    public const int Varint = 0;
    public const int Fixed64 = 1;
    public const int LengthDelimited = 2;
    public const int StartGroup = 3;
    public const int EndGroup = 4;
    public const int Fixed32 = 5;

    private readonly ReadOnlySpan<byte> data = data;
    private int position;

    /// <summary>How many bytes have been read (where the next field starts).</summary>
    public readonly int Position => position;

    /// <summary>Whether every byte has been read.</summary>
    public readonly bool AtEnd => position >= data.Length;

    /// <summary>The tag of the next field (field number and wire type); a zero field number is malformed.</summary>
    public uint ReadTag()
    {
        var tag = (uint)ReadVarint();
        if (tag >> 3 == 0)
        {
            throw new InvalidDataException($"malformed protobuf: field number 0 at byte {position}");
        }

        return tag;
    }

    /// <summary>A varint; most (tags, lengths of short strings) are one byte, read here without the loop.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong ReadVarint()
    {
        if ((uint)position < (uint)data.Length && data[position] is var first && first < 0x80)
        {
            position++;
            return first;
        }

        return ReadLongVarint();
    }

    private ulong ReadLongVarint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= data.Length)
            {
                throw new InvalidDataException("malformed protobuf: the message ends inside a varint");
            }

            var b = data[position++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }

        throw new InvalidDataException($"malformed protobuf: a varint longer than 10 bytes at byte {position}");
    }

    public double ReadDouble()
    {
        if (data.Length - position < 8)
        {
            throw new InvalidDataException("malformed protobuf: the message ends inside a 64-bit field");
        }

        var value = BinaryPrimitives.ReadDoubleLittleEndian(data.Slice(position, 8));
        position += 8;
        return value;
    }

    /// <summary>The bytes of a length-delimited field (a string, bytes or a nested message).</summary>
    public ReadOnlySpan<byte> ReadLengthDelimited()
    {
        var length = ReadVarint();
        if (length > (ulong)(data.Length - position))
        {
            throw new InvalidDataException($"malformed protobuf: a field of {length} bytes at byte {position} runs past the end of its message");
        }

        var bytes = data.Slice(position, (int)length);
        position += (int)length;
        return bytes;
    }

    /// <summary>Groups nested deeper than this are malformed input (no Pulumi message has groups).</summary>
    public const int MaxGroupDepth = 64;

    /// <summary>Skips the value of a field this reader does not use.</summary>
    public void Skip(uint tag, int depth = 0)
    {
        switch ((int)(tag & 7))
        {
            case Varint:
                ReadVarint();
                break;
            case Fixed64:
                Advance(8);
                break;
            case LengthDelimited:
                ReadLengthDelimited();
                break;
            case Fixed32:
                Advance(4);
                break;
            case StartGroup:
                SkipGroup(tag >> 3, depth + 1);
                break;
            default:
                throw new InvalidDataException($"malformed protobuf: an end-group tag with no group at byte {position}");
        }
    }

    private void SkipGroup(uint field, int depth)
    {
        if (depth > MaxGroupDepth)
        {
            throw new InvalidDataException($"malformed protobuf: groups nested more than {MaxGroupDepth} deep");
        }

        while (true)
        {
            if (AtEnd)
            {
                throw new InvalidDataException($"malformed protobuf: group {field} is never closed");
            }

            var tag = ReadTag();
            if ((tag & 7) == EndGroup)
            {
                if (tag >> 3 != field)
                {
                    throw new InvalidDataException($"malformed protobuf: group {field} is closed as group {tag >> 3}");
                }

                return;
            }

            Skip(tag, depth);
        }
    }

    private void Advance(int count)
    {
        if (data.Length - position < count)
        {
            throw new InvalidDataException("malformed protobuf: the message ends inside a fixed-size field");
        }

        position += count;
    }
}
