using System.Text;
using StringValue = StackRules.StringValue;

namespace StackRules.Host.Analyzer;

/// <summary>
/// Decodes an <c>AnalyzeStackRequest</c> from its wire bytes straight into the pack's <see cref="StackResource"/>s:
/// one copy of the stack instead of three (no Google.Protobuf object tree, no intermediate property bag), strings
/// shared per request (<see cref="StringPool"/>). The values are exactly those <see cref="PropertyDecoder"/> gives
/// for the parsed message, with protobuf's merge rules (a repeated Struct or ListValue field merges, the last scalar
/// wins, a map's last entry for a key wins in the key's first position). The one deliberate difference: property
/// nesting may go <see cref="MaxPropertyDepth"/> levels deep, where Google.Protobuf's default recursion limit (100
/// messages, about 33 nested objects) rejected real provider schemas such as a WAF WebAcl's nested statements.
/// </summary>
internal static partial class StackRequestDecoder
{
    /// <summary>How deep property values may nest (objects and lists); deeper input is a bad request.</summary>
    public const int MaxPropertyDepth = 512;

    private const uint ResourcesTag = (1 << 3) | WireReader.LengthDelimited;
    private const uint TypeTag = (1 << 3) | WireReader.LengthDelimited;
    private const uint PropertiesTag = (2 << 3) | WireReader.LengthDelimited;
    private const uint UrnTag = (3 << 3) | WireReader.LengthDelimited;
    private const uint NameTag = (4 << 3) | WireReader.LengthDelimited;
    private const uint ParentTag = (7 << 3) | WireReader.LengthDelimited;
    private const uint PropertyDependenciesTag = (9 << 3) | WireReader.LengthDelimited;
    private const uint EntryKeyTag = (1 << 3) | WireReader.LengthDelimited;
    private const uint EntryValueTag = (2 << 3) | WireReader.LengthDelimited;
    private const uint UrnsTag = (1 << 3) | WireReader.LengthDelimited;
    private const uint ListValuesTag = (1 << 3) | WireReader.LengthDelimited;
    private const uint NullTag = (1 << 3) | WireReader.Varint;
    private const uint NumberTag = (2 << 3) | WireReader.Fixed64;
    private const uint StringTag = (3 << 3) | WireReader.LengthDelimited;
    private const uint BoolTag = (4 << 3) | WireReader.Varint;
    private const uint StructTag = (5 << 3) | WireReader.LengthDelimited;
    private const uint ListTag = (6 << 3) | WireReader.LengthDelimited;

    private static readonly byte[][] UnknownSentinels = PulumiSignatures.UnknownSentinels.Select(Encoding.UTF8.GetBytes).ToArray();
    private static readonly BoolValue True = new(true);
    private static readonly BoolValue False = new(false);
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoDependencies =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    /// <summary>The request's resources; malformed bytes or a resource without urn or type throw <see cref="InvalidDataException"/>.</summary>
    public static List<StackResource> Decode(ReadOnlySpan<byte> request, DependencyReferences references)
    {
        var pool = new StringPool();
        var reader = new WireReader(request);
        var resources = new List<StackResource>();
        while (!reader.AtEnd)
        {
            var tag = reader.ReadTag();
            if (tag == ResourcesTag)
            {
                resources.Add(Resource(reader.ReadLengthDelimited(), pool, resources.Count, references));
            }
            else
            {
                reader.Skip(tag);
            }
        }

        return resources;
    }

    private static StackResource Resource(ReadOnlySpan<byte> bytes, StringPool pool, int index, DependencyReferences references)
    {
        string type = "", urn = "", name = "", parent = "";
        Dictionary<string, PropertyValue>? properties = null;
        Dictionary<string, IReadOnlyList<string>>? dependencies = null;
        var extras = default(ResourceExtras);
        var reader = new WireReader(bytes);
        while (!reader.AtEnd)
        {
            var tag = reader.ReadTag();
            switch (tag)
            {
                case TypeTag:
                    type = pool.Get(reader.ReadLengthDelimited());
                    break;
                case PropertiesTag:
                    properties ??= new Dictionary<string, PropertyValue>(StringComparer.Ordinal);
                    ReadStruct(reader.ReadLengthDelimited(), properties, pool, 1);
                    break;
                case UrnTag:
                    urn = pool.Get(reader.ReadLengthDelimited());
                    break;
                case NameTag:
                    name = pool.Get(reader.ReadLengthDelimited());
                    break;
                case ParentTag:
                    parent = pool.Get(reader.ReadLengthDelimited());
                    break;
                case PropertyDependenciesTag:
                    dependencies ??= new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
                    ReadDependencies(reader.ReadLengthDelimited(), dependencies, pool);
                    break;
                case DependenciesTag:
                    (extras.Dependencies ??= []).Add(pool.Get(reader.ReadLengthDelimited()));
                    break;
                case OptionsTag:
                    extras.Options = ReadOptions(reader.ReadLengthDelimited(), pool, extras.Options);
                    break;
                case ProviderTag:
                    extras.Provider = ReadProvider(reader.ReadLengthDelimited(), pool, extras.Provider);
                    break;
                default:
                    reader.Skip(tag);
                    break;
            }
        }

        if (urn.Length == 0 || type.Length == 0)
        {
            throw new InvalidDataException($"resource #{index} has no urn or no type; the engine always sends both.");
        }

        return AnalyzerService.StackResourceFrom(
            urn, type, name, parent, properties is null ? ObjectValue.Empty : new ObjectValue(properties), dependencies ?? NoDependencies, references, extras);
    }

    /// <summary>One <c>propertyDependencies</c> map entry: a property name and its <c>AnalyzerPropertyDependencies</c>.</summary>
    private static void ReadDependencies(ReadOnlySpan<byte> entry, Dictionary<string, IReadOnlyList<string>> dependencies, StringPool pool)
    {
        var key = "";
        List<string>? urns = null;
        var reader = new WireReader(entry);
        while (!reader.AtEnd)
        {
            var tag = reader.ReadTag();
            if (tag == EntryKeyTag)
            {
                key = pool.Get(reader.ReadLengthDelimited());
            }
            else if (tag == EntryValueTag)
            {
                urns = [];
                var value = new WireReader(reader.ReadLengthDelimited());
                while (!value.AtEnd)
                {
                    var urnTag = value.ReadTag();
                    if (urnTag == UrnsTag)
                    {
                        urns.Add(pool.Get(value.ReadLengthDelimited()));
                    }
                    else
                    {
                        value.Skip(urnTag);
                    }
                }
            }
            else
            {
                reader.Skip(tag);
            }
        }

        dependencies[key] = urns ?? [];
    }

    /// <summary>A <c>google.protobuf.Struct</c>'s entries into <paramref name="fields"/> (merging, as protobuf does).</summary>
    private static void ReadStruct(ReadOnlySpan<byte> bytes, Dictionary<string, PropertyValue> fields, StringPool pool, int depth)
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
                    value = ReadValue(entry.ReadLengthDelimited(), pool, depth);
                }
                else
                {
                    entry.Skip(entryTag);
                }
            }

            fields[key] = value;
        }
    }

    private static void ReadList(ReadOnlySpan<byte> bytes, List<PropertyValue> items, StringPool pool, int depth)
    {
        var reader = new WireReader(bytes);
        while (!reader.AtEnd)
        {
            var tag = reader.ReadTag();
            if (tag == ListValuesTag)
            {
                items.Add(ReadValue(reader.ReadLengthDelimited(), pool, depth));
            }
            else
            {
                reader.Skip(tag);
            }
        }
    }

    /// <summary>A <c>google.protobuf.Value</c>, as <see cref="PropertyDecoder.Decode(Google.Protobuf.WellKnownTypes.Value?)"/> maps it.</summary>
    private static PropertyValue ReadValue(ReadOnlySpan<byte> bytes, StringPool pool, int depth)
    {
        if (depth > MaxPropertyDepth)
        {
            throw new InvalidDataException($"a property is nested more than {MaxPropertyDepth} objects or lists deep");
        }

        PropertyValue result = NullValue.Instance;
        Dictionary<string, PropertyValue>? fields = null;
        List<PropertyValue>? items = null;
        var reader = new WireReader(bytes);
        while (!reader.AtEnd)
        {
            var tag = reader.ReadTag();
            switch (tag)
            {
                case NullTag:
                    reader.ReadVarint();
                    (result, fields, items) = (NullValue.Instance, null, null);
                    break;
                case NumberTag:
                    (result, fields, items) = (new NumberValue(reader.ReadDouble()), null, null);
                    break;
                case StringTag:
                    (result, fields, items) = (String(reader.ReadLengthDelimited(), pool), null, null);
                    break;
                case BoolTag:
                    (result, fields, items) = (reader.ReadVarint() != 0 ? True : False, null, null);
                    break;
                case StructTag:
                    items = null;
                    fields ??= new Dictionary<string, PropertyValue>(StringComparer.Ordinal);
                    ReadStruct(reader.ReadLengthDelimited(), fields, pool, depth + 1);
                    break;
                case ListTag:
                    fields = null;
                    items ??= [];
                    ReadList(reader.ReadLengthDelimited(), items, pool, depth + 1);
                    break;
                default:
                    reader.Skip(tag);
                    break;
            }
        }

        return fields is not null ? Object(fields) : items is not null ? new ArrayValue(items) : result;
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

        return new StringValue(pool.Get(utf8));
    }

    /// <summary>A nested Struct: a plain object, or a special value by its signature (<see cref="PropertyDecoder.Signed"/>).</summary>
    private static PropertyValue Object(Dictionary<string, PropertyValue> fields) => PropertyDecoder.Signed(fields);
}
