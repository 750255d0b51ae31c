namespace StackRules.Host.Analyzer;

/// <summary>
/// The parts of an <c>AnalyzerResource</c> besides its properties: <c>options</c> (field 5), <c>provider</c> (6) and
/// <c>dependencies</c> (8), read only when the engine sends them, so a stack policy sees a resource's explicit
/// dependencies, protection and provider as <c>Analyze</c>'s resource policies do.
/// </summary>
internal static partial class StackRequestDecoder
{
    private const uint OptionsTag = (5 << 3) | WireReader.LengthDelimited;
    private const uint ProviderTag = (6 << 3) | WireReader.LengthDelimited;
    private const uint DependenciesTag = (8 << 3) | WireReader.LengthDelimited;

    // AnalyzerResourceOptions: protect = 1, ignoreChanges = 2, deleteBeforeReplace = 3, additionalSecretOutputs = 5,
    // aliases = 6 (deleteBeforeReplaceDefined = 4, customTimeouts = 7 and parent = 8 are not needed here).
    private const uint ProtectTag = (1 << 3) | WireReader.Varint;
    private const uint IgnoreChangesTag = (2 << 3) | WireReader.LengthDelimited;
    private const uint DeleteBeforeReplaceTag = (3 << 3) | WireReader.Varint;
    private const uint AdditionalSecretOutputsTag = (5 << 3) | WireReader.LengthDelimited;
    private const uint AliasesTag = (6 << 3) | WireReader.LengthDelimited;

    // AnalyzerProviderResource: type = 1, properties = 2, urn = 3, name = 4.
    private const uint ProviderPropertiesTag = (2 << 3) | WireReader.LengthDelimited;

    /// <summary>One resource's options, provider and dependencies as read so far.</summary>
    internal struct ResourceExtras
    {
        public ResourceOptions? Options;
        public ProviderResource? Provider;
        public IReadOnlyList<string>? Dependencies;
    }

    /// <summary>An options message, merged into <paramref name="previous"/> as protobuf merges a repeated field.</summary>
    private static ResourceOptions ReadOptions(ReadOnlySpan<byte> bytes, StringPool pool, ResourceOptions? previous)
    {
        var protect = previous?.Protect ?? false;
        var deleteBeforeReplace = previous?.DeleteBeforeReplace ?? false;
        List<string>? ignoreChanges = null, secretOutputs = null, aliases = null;
        var reader = new WireReader(bytes);
        while (!reader.AtEnd)
        {
            var tag = reader.ReadTag();
            switch (tag)
            {
                case ProtectTag:
                    protect = reader.ReadVarint() != 0;
                    break;
                case DeleteBeforeReplaceTag:
                    deleteBeforeReplace = reader.ReadVarint() != 0;
                    break;
                case IgnoreChangesTag:
                    (ignoreChanges ??= [.. previous?.IgnoreChanges ?? []]).Add(pool.Get(reader.ReadLengthDelimited()));
                    break;
                case AdditionalSecretOutputsTag:
                    (secretOutputs ??= [.. previous?.AdditionalSecretOutputs ?? []]).Add(pool.Get(reader.ReadLengthDelimited()));
                    break;
                case AliasesTag:
                    (aliases ??= [.. previous?.Aliases ?? []]).Add(pool.Get(reader.ReadLengthDelimited()));
                    break;
                default:
                    reader.Skip(tag);
                    break;
            }
        }

        if (!protect && !deleteBeforeReplace && ignoreChanges is null && secretOutputs is null && aliases is null && previous is null)
        {
            // What the engine sends for nearly every resource: options with nothing set, shared.
            return ResourceOptions.None;
        }

        return new ResourceOptions(
            protect,
            ignoreChanges ?? previous?.IgnoreChanges ?? [],
            deleteBeforeReplace,
            secretOutputs ?? previous?.AdditionalSecretOutputs ?? [],
            aliases ?? previous?.Aliases ?? [],
            previous?.DependsOn ?? []);
    }

    /// <summary>A provider message, merged into <paramref name="previous"/> as protobuf merges a message field given twice.</summary>
    private static ProviderResource ReadProvider(ReadOnlySpan<byte> bytes, Reading reading, ProviderResource? previous)
    {
        var pool = reading.Pool;
        string type = previous?.Type ?? "", urn = previous?.Urn ?? "", name = previous?.Name ?? "";
        var properties = previous is { Properties.Properties.Count: > 0 } p
            ? new Dictionary<string, PropertyValue>(p.Properties.Properties, StringComparer.Ordinal)
            : null;
        var reader = new WireReader(bytes);
        while (!reader.AtEnd)
        {
            var tag = reader.ReadTag();
            switch (tag)
            {
                case TypeTag:
                    type = pool.Get(reader.ReadLengthDelimited());
                    break;
                case ProviderPropertiesTag:
                    properties = reading.StructInto(reader.ReadLengthDelimited(), properties);
                    break;
                case UrnTag:
                    urn = pool.Get(reader.ReadLengthDelimited());
                    break;
                case NameTag:
                    name = pool.Get(reader.ReadLengthDelimited());
                    break;
                default:
                    reader.Skip(tag);
                    break;
            }
        }

        return new ProviderResource(type, name, urn, properties is null ? ObjectValue.Empty : new ObjectValue(properties));
    }
}
