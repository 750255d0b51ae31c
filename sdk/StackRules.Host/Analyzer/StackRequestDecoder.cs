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

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoDependencies =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    /// <summary>
    /// Requests are read in parts on several threads when each part has at least this many bytes (about a millisecond
    /// of reading). A smaller part does not pay for itself: each part makes again the strings and key arrays the others
    /// meet too, and the parts are joined by copying. At 256 KiB, a 0.6 MiB request (1,000 resources) was read in two
    /// parts: in one it allocates 3% less (1.36 -> 1.32 MB a call) and takes no longer (3.4-3.9 against 3.3-3.7 ms,
    /// three interleaved runs of the Native AOT benchmark).
    /// </summary>
    public const int MinPartBytes = 512 * 1024;

    /// <summary>At most this many parts, whatever the number of processors.</summary>
    private const int MaxParts = 8;

    /// <summary>The request's resources; malformed bytes or a resource without urn or type throw <see cref="InvalidDataException"/>.</summary>
    public static DecodedStack Decode(ReadOnlyMemory<byte> request, DependencyReferences references) =>
        Decode(request, references, Math.Clamp(request.Length / MinPartBytes, 1, Math.Min(Environment.ProcessorCount, MaxParts)));

    /// <summary>One request's reading: its string pool and the buffers of the maps and lists not finished yet.</summary>
    private sealed partial class Reading(int requestLength, int resourceCount, DependencyReferences references) : IReferenceTargets
    {
        /// <summary>
        /// The most dependency URNs of one resource that <see cref="TargetOf"/> scans; a resource with more has its
        /// targets looked up in the pool.
        /// </summary>
        private const int MaxScannedTargets = 32;

        private readonly StringPool pool = new(requestLength, resourceCount);

        /// <summary>The key arrays this reading's tables share (one per distinct sequence of keys).</summary>
        private readonly TableShapes shapes = new();
        private readonly EntryBuffer<PropertyValue> fields = new();
        private readonly ItemBuffer<PropertyValue> items = new();
        private readonly EntryBuffer<IReadOnlyList<string>> dependencies = new();
        private readonly ItemBuffer<string> urns = new();
        private readonly ItemBuffer<string> dependsOn = new();

        /// <summary>The URNs of the current resource's property dependencies (from <see cref="targetsStart"/>), each with its pool slot as read.</summary>
        private readonly ItemBuffer<(string Urn, object? Slot)> targets = new();
        private int targetsStart;

        /// <summary>How many secret values the reading has made so far.</summary>
        private int secretsSeen;

        /// <summary>
        /// The resources of <paramref name="request"/> (a whole request, or a part of it to its end), the first numbered
        /// <paramref name="firstIndex"/> in errors, and where the reading stopped: before the first top-level field that
        /// starts <paramref name="nextPart"/> bytes in or later once a resource is read (where <see cref="Layout"/>
        /// starts the next part), else at the end.
        /// </summary>
        public (DecodedStack Stack, int End) Request(ReadOnlySpan<byte> request, int firstIndex, long nextPart = long.MaxValue)
        {
            var reader = new WireReader(request);
            var resources = new DecodedStack(resourceCount, pool, hashUrns: firstIndex > 0 || nextPart != long.MaxValue);
            while (!reader.AtEnd)
            {
                if (reader.Position >= nextPart && resources.Count > 0)
                {
                    break;
                }

                var tag = reader.ReadTag();
                if (tag == ResourcesTag)
                {
                    var secretsBefore = secretsSeen;
                    var resource = Resource(reader.ReadLengthDelimited(), firstIndex + resources.Count, out var urn);
                    resources.Add(resource, secretsSeen > secretsBefore, urn);
                }
                else
                {
                    reader.Skip(tag);
                }
            }

            resources.Seal();
            return (resources, reader.Position);
        }

        /// <summary>
        /// One resource. Its properties are read after its other fields (they merge among themselves only), so the
        /// property dependencies are known when they are: unknown ids are resolved in the entry buffer and each
        /// resource's property table is made once.
        /// </summary>
        private StackResource Resource(ReadOnlySpan<byte> bytes, int index, out ReadOnlySpan<byte> urnUtf8)
        {
            string type = "", urn = "", parent = "";
            urnUtf8 = default;
            ReadOnlySpan<byte> name = default;
            var dependenciesStart = dependencies.Top;
            var dependsOnStart = dependsOn.Top;
            targetsStart = targets.Top;
            Dictionary<string, int>? dependencyIndex = null;
            var extras = default(ResourceExtras);
            (int Start, int Length) properties = (-1, 0);
            List<(int Start, int Length)>? moreProperties = null;
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
                        var length = reader.ReadLengthDelimited().Length;
                        if (properties.Start < 0)
                        {
                            properties = (reader.Position - length, length);
                        }
                        else
                        {
                            (moreProperties ??= []).Add((reader.Position - length, length));
                        }

                        break;
                    case UrnTag:
                        urnUtf8 = reader.ReadLengthDelimited();
                        urn = pool.Get(urnUtf8);
                        break;
                    case NameTag:
                        name = reader.ReadLengthDelimited();
                        break;
                    case ParentTag:
                        parent = pool.Get(reader.ReadLengthDelimited());
                        break;
                    case PropertyDependenciesTag:
                        ReadDependencies(reader.ReadLengthDelimited(), dependenciesStart, ref dependencyIndex);
                        break;
                    case DependenciesTag:
                        dependsOn.Add(pool.Get(reader.ReadLengthDelimited()));
                        break;
                    case OptionsTag:
                        extras.Options = ReadOptions(reader.ReadLengthDelimited(), pool, extras.Options);
                        break;
                    case ProviderTag:
                        extras.Provider = ReadProvider(reader.ReadLengthDelimited(), this, extras.Provider);
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

            if (dependsOn.Top > dependsOnStart)
            {
                extras.Dependencies = dependsOn.Take(dependsOnStart);
            }

            var resourceDependencies = dependencies.Top == dependenciesStart ? NoDependencies : PropertyTable<IReadOnlyList<string>>.Of(dependencies.Region(dependenciesStart), shapes);
            dependencies.Truncate(dependenciesStart);
            var outputs = Properties(bytes, properties, moreProperties, resourceDependencies);
            targets.Truncate(targetsStart);
            var id = outputs.Properties.TryGetValue("id", out var idValue) && idValue is StringValue { Value.Length: > 0 } known ? known.Value : null;
            return new StackResource(urn, type, NameOf(name, urn), outputs, id, parent.Length == 0 ? null : parent, resourceDependencies, outputs)
            {
                Options = extras.Options,
                Provider = extras.Provider,
                Dependencies = extras.Dependencies,
            };
        }

        /// <summary>
        /// The resource's properties, read from the fields at <paramref name="first"/> and <paramref name="more"/>
        /// (merged in order), with unknown ids resolved through <paramref name="dependencies"/> in the entry buffer.
        /// </summary>
        private ObjectValue Properties(ReadOnlySpan<byte> resource, (int Start, int Length) first, List<(int Start, int Length)>? more, IReadOnlyDictionary<string, IReadOnlyList<string>> dependencies)
        {
            if (first.Start < 0)
            {
                return ObjectValue.Empty;
            }

            var start = fields.Top;
            Dictionary<string, int>? index = null;
            ReadStruct(resource.Slice(first.Start, first.Length), start, ref index, 1);
            if (more is not null)
            {
                foreach (var (at, length) in more)
                {
                    ReadStruct(resource.Slice(at, length), start, ref index, 1);
                }
            }

            if (fields.Top == start)
            {
                return ObjectValue.Empty;
            }

            references.ResolveInPlace(fields.Region(start), dependencies, this);
            var properties = new ObjectValue(PropertyTable<PropertyValue>.Of(fields.Region(start), shapes));
            fields.Truncate(start);
            return properties;
        }

        /// <summary>The resource's name; when it is the URN's tail (as the engine sends it), taken from the URN when read.</summary>
        private static string NameOf(ReadOnlySpan<byte> name, string urn)
        {
            var tail = Urn.NameSpan(urn);
            if (name.Length == 0 || (name.Length == tail.Length && SameAscii(name, tail)))
            {
                return StackResource.NameOfUrn!;
            }

            return StringPool.Unpooled(name);
        }

        /// <summary>Whether the UTF-8 <paramref name="utf8"/> is ASCII and the same characters as <paramref name="text"/> (of the same length).</summary>
        private static bool SameAscii(ReadOnlySpan<byte> utf8, ReadOnlySpan<char> text)
        {
            for (var i = 0; i < utf8.Length; i++)
            {
                if (utf8[i] != text[i] || utf8[i] >= 0x80)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>One <c>propertyDependencies</c> map entry: a property name and its <c>AnalyzerPropertyDependencies</c>.</summary>
        private void ReadDependencies(ReadOnlySpan<byte> entry, int start, ref Dictionary<string, int>? index)
        {
            var key = "";
            IReadOnlyList<string>? entryUrns = null;
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
                    var urnsStart = urns.Top;
                    var value = new WireReader(reader.ReadLengthDelimited());
                    while (!value.AtEnd)
                    {
                        var urnTag = value.ReadTag();
                        if (urnTag == UrnsTag)
                        {
                            var urn = pool.Get(value.ReadLengthDelimited(), out var slot);
                            urns.Add(urn);
                            targets.Add((urn, slot));
                        }
                        else
                        {
                            value.Skip(urnTag);
                        }
                    }

                    entryUrns = urns.Take(urnsStart);
                }
                else
                {
                    reader.Skip(tag);
                }
            }

            dependencies.Put(start, key, entryUrns ?? [], ref index);
        }

        /// <summary>
        /// The first resource of this reading with the URN <paramref name="urn"/>, when it came before the resource
        /// being read (the engine sends a resource's dependencies first): what the pool's slot held when the current
        /// resource's property dependencies were read, found by the very string (the pool's) among them.
        /// </summary>
        public StackResource? TargetOf(string urn)
        {
            var top = targets.Top;
            if (top - targetsStart > MaxScannedTargets)
            {
                return pool.ResourceOf(urn);
            }

            for (var i = targetsStart; i < top; i++)
            {
                if (ReferenceEquals(targets[i].Urn, urn))
                {
                    return StringPool.ResourceOfSlot(targets[i].Slot);
                }
            }

            return null;
        }

        /// <summary>The request's string pool (keys, type tokens, URNs).</summary>
        public StringPool Pool => pool;

        /// <summary>A Struct outside the resource's properties (a provider's), merged into <paramref name="into"/>.</summary>
        public Dictionary<string, PropertyValue> StructInto(ReadOnlySpan<byte> bytes, Dictionary<string, PropertyValue>? into)
        {
            var start = fields.Top;
            Dictionary<string, int>? index = null;
            ReadStruct(bytes, start, ref index, 1);
            into ??= new Dictionary<string, PropertyValue>(StringComparer.Ordinal);
            foreach (var (key, value) in fields.Region(start))
            {
                into[key] = value;
            }

            fields.Truncate(start);
            return into;
        }
    }
}
