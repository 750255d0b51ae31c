using System.Text;
using StringValue = StackRules.StringValue;

namespace StackRules.Host.Analyzer;

/// <summary>
/// The property values of an <c>AnalyzeStackRequest</c> (<c>google.protobuf.Struct</c>, <c>Value</c>, <c>ListValue</c>),
/// read as <see cref="PropertyDecoder"/> maps the parsed messages; the immutable values that repeat (strings, small
/// whole numbers, empty lists, booleans) are shared.
/// </summary>
internal static partial class StackRequestDecoder
{
    private const uint ListValuesTag = (1 << 3) | WireReader.LengthDelimited;
    private const uint NullTag = (1 << 3) | WireReader.Varint;
    private const uint NumberTag = (2 << 3) | WireReader.Fixed64;
    private const uint StringTag = (3 << 3) | WireReader.LengthDelimited;
    private const uint BoolTag = (4 << 3) | WireReader.Varint;
    private const uint StructTag = (5 << 3) | WireReader.LengthDelimited;
    private const uint ListTag = (6 << 3) | WireReader.LengthDelimited;

    /// <summary>Whole numbers below this are shared (<see cref="Number"/>).</summary>
    private const int SharedNumbers = 1024;

    private static readonly byte[][] UnknownSentinels = PulumiSignatures.UnknownSentinels.Select(Encoding.UTF8.GetBytes).ToArray();

    private static readonly NumberValue?[] SmallNumbers = new NumberValue?[SharedNumbers];
    /// <summary>Lists of up to this many unknowns (and the empty list) are shared.</summary>
    private const int SharedUnknownLists = 8;

    private static readonly ArrayValue[] UnknownLists = Enumerable.Range(0, SharedUnknownLists + 1)
        .Select(n => new ArrayValue(Enumerable.Repeat<PropertyValue>(UnknownValue.Instance, n).ToArray()))
        .ToArray();
    private static readonly BoolValue True = new(true);
    private static readonly BoolValue False = new(false);

    private sealed partial class Reading
    {
        /// <summary>A <c>google.protobuf.Struct</c>'s entries into the region at <paramref name="start"/> (merging, as protobuf does).</summary>
        private void ReadStruct(ReadOnlySpan<byte> bytes, int start, ref Dictionary<string, int>? index, int depth)
        {
            var reader = new WireReader(bytes);
            while (!reader.AtEnd)
            {
                var tag = reader.ReadTag();
                if (tag != EntryKeyTag)
                {
                    reader.Skip(tag);
                    continue;
                }

                var key = "";
                PropertyValue value = NullValue.Instance;
                var entry = new WireReader(reader.ReadLengthDelimited());
                while (!entry.AtEnd)
                {
                    var entryTag = entry.ReadTag();
                    if (entryTag == EntryKeyTag)
                    {
                        key = pool.Get(entry.ReadLengthDelimited());
                    }
                    else if (entryTag == EntryValueTag)
                    {
                        value = ReadValue(entry.ReadLengthDelimited(), depth);
                    }
                    else
                    {
                        entry.Skip(entryTag);
                    }
                }

                fields.Put(start, key, value, ref index);
            }
        }

        /// <summary>
        /// The list whose items are the region at <paramref name="start"/>, the region closed: shared when it is
        /// empty or only unknowns (the ids of resources a preview has not created yet, such as a new VPC endpoint's
        /// subnetIds).
        /// </summary>
        private ArrayValue List(int start)
        {
            var count = items.Top - start;
            if (count <= SharedUnknownLists)
            {
                var unknowns = 0;
                while (unknowns < count && ReferenceEquals(items[start + unknowns], UnknownValue.Instance))
                {
                    unknowns++;
                }

                if (unknowns == count)
                {
                    items.Truncate(start);
                    return UnknownLists[count];
                }
            }

            return new ArrayValue(items.Take(start));
        }

        private void ReadList(ReadOnlySpan<byte> bytes, int depth)
        {
            var reader = new WireReader(bytes);
            while (!reader.AtEnd)
            {
                var tag = reader.ReadTag();
                if (tag == ListValuesTag)
                {
                    items.Add(ReadValue(reader.ReadLengthDelimited(), depth));
                }
                else
                {
                    reader.Skip(tag);
                }
            }
        }

        /// <summary>A <c>google.protobuf.Value</c>, as <see cref="PropertyDecoder.Decode(Google.Protobuf.WellKnownTypes.Value?)"/> maps it.</summary>
        private PropertyValue ReadValue(ReadOnlySpan<byte> bytes, int depth)
        {
            if (depth > MaxPropertyDepth)
            {
                throw new InvalidDataException($"a property is nested more than {MaxPropertyDepth} objects or lists deep");
            }

            PropertyValue result = NullValue.Instance;
            var fieldsStart = fields.Top;
            var itemsStart = items.Top;
            bool isObject = false, isList = false;
            Dictionary<string, int>? index = null;
            var reader = new WireReader(bytes);
            while (!reader.AtEnd)
            {
                var tag = reader.ReadTag();
                switch (tag)
                {
                    case NullTag:
                        reader.ReadVarint();
                        result = NullValue.Instance;
                        Reset();
                        break;
                    case NumberTag:
                        result = Number(reader.ReadDouble());
                        Reset();
                        break;
                    case StringTag:
                        result = String(reader.ReadLengthDelimited(), pool);
                        Reset();
                        break;
                    case BoolTag:
                        result = reader.ReadVarint() != 0 ? True : False;
                        Reset();
                        break;
                    case StructTag:
                        if (isList)
                        {
                            items.Truncate(itemsStart);
                            isList = false;
                        }

                        isObject = true;
                        ReadStruct(reader.ReadLengthDelimited(), fieldsStart, ref index, depth + 1);
                        break;
                    case ListTag:
                        if (isObject)
                        {
                            fields.Truncate(fieldsStart);
                            (isObject, index) = (false, null);
                        }

                        isList = true;
                        ReadList(reader.ReadLengthDelimited(), depth + 1);
                        break;
                    default:
                        reader.Skip(tag);
                        break;
                }
            }

            if (isObject)
            {
                var value = Object(fields.Region(fieldsStart), shapes);
                secretsSeen += value is SecretValue ? 1 : 0;
                fields.Truncate(fieldsStart);
                return value;
            }

            return isList ? List(itemsStart) : result;

            // A scalar replaces whatever object or list the value held so far (the last kind wins, as in protobuf's oneof).
            void Reset()
            {
                fields.Truncate(fieldsStart);
                items.Truncate(itemsStart);
                (isObject, isList, index) = (false, false, null);
            }
        }
    }


    /// <summary>A number; the small whole numbers that ports, counts and days repeat are shared (values are immutable).</summary>
    private static NumberValue Number(double value)
    {
        if (value is >= 0 and < SharedNumbers && value == Math.Floor(value) && !double.IsNegative(value))
        {
            var index = (int)value;
            return SmallNumbers[index] ??= new NumberValue(value);
        }

        return new NumberValue(value);
    }

    private static PropertyValue String(ReadOnlySpan<byte> utf8, StringPool pool)
    {
        if (utf8.Length == 36)
        {
            foreach (var sentinel in UnknownSentinels)
            {
                if (utf8.SequenceEqual(sentinel))
                {
                    return UnknownValue.Instance;
                }
            }
        }

        return pool.Value(utf8);
    }

    /// <summary>A nested Struct: a plain object, or a special value by its signature (see <see cref="PropertyDecoder"/>).</summary>
    private static PropertyValue Object(ReadOnlySpan<KeyValuePair<string, PropertyValue>> fields, TableShapes shapes)
    {
        if (Find(fields, PulumiSignatures.Key) is not { } signature)
        {
            return new ObjectValue(PropertyTable<PropertyValue>.Of(fields, shapes));
        }

        switch ((signature as StringValue)?.Value)
        {
            case PulumiSignatures.Secret:
                return new SecretValue(Find(fields, "value") ?? UnknownValue.Instance);
            case PulumiSignatures.ResourceReference when Find(fields, "urn") is StringValue target:
                // (An unknown sentinel as the urn stays unknown here; the engine never sends one.)
                return new ReferenceValue(target.Value, "id");
            default:
                return UnknownValue.Instance;
        }
    }

    private static PropertyValue? Find(ReadOnlySpan<KeyValuePair<string, PropertyValue>> fields, string key)
    {
        foreach (var (name, value) in fields)
        {
            if (string.Equals(name, key, StringComparison.Ordinal))
            {
                return value;
            }
        }

        return null;
    }
}
