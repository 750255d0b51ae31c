using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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

    /// <summary>
    /// About one distinct pooled string besides the URNs per this many request bytes (for the pool's initial size: a
    /// pool that outgrows it is copied once into one twice as large). Measured on the benchmark's 10,000-resource
    /// preview (6.4 MiB): 12,065 distinct strings, 10,000 of them URNs; at 4,096 the pool was sized for 11,638 and grew,
    /// which cost 0.6 MB a call. An entry costs 28 bytes, so an unused one per 2 KiB is under 1.5% of the request.
    /// </summary>
    private const int BytesPerString = 2048;

    private static readonly StringValue EmptyValue = new("");

    // A pooled string's slot: null, its shared StringValue, or the first resource with that URN (ResourceOf).
    // The table comes from StringPoolTables and goes back there on Release; after that the pool is not used.
    private Dictionary<string, object?> strings;
    private Dictionary<string, object?>.AlternateLookup<ReadOnlySpan<byte>> lookup;
    private bool released;
    private Dictionary<string, StackResource>? otherResources;

    /// <summary>
    /// A pool for a request of <paramref name="requestLength"/> bytes with <paramref name="resources"/> resources
    /// (each has its own URN; the keys and the shared values are far fewer).
    /// </summary>
    public StringPool(int requestLength = 0, int resources = 0)
    {
        // Found by their UTF-8 bytes: a string is decoded only the first time it is met.
        strings = StringPoolTables.Rent(Math.Min(resources + (requestLength / BytesPerString), 1 << 20));
        lookup = strings.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    /// <summary>
    /// Gives the pool's table back for the next request (<see cref="StringPoolTables"/>), once the resources of this
    /// one are no longer looked up by URN (the strings and values it made stay as they are); the pool is not used
    /// after. Twice is once.
    /// </summary>
    public void Release()
    {
        if (released)
        {
            return;
        }

        released = true;
        var table = strings;
        strings = null!;
        lookup = default;
        StringPoolTables.Return(table);
    }

    /// <summary>
    /// Indexes <paramref name="resource"/> by its URN, unless a resource with that URN came first: the decoded
    /// stack's index by URN, kept in the pool's own entries.
    /// </summary>
    /// <param name="resource">The resource.</param>
    /// <param name="urnUtf8">Its URN as the request holds it (looked up as bytes, as <see cref="Get(ReadOnlySpan{byte})"/> pooled it).</param>
    public void Index(StackResource resource, ReadOnlySpan<byte> urnUtf8)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrNullRef(lookup, urnUtf8);
        if (Unsafe.IsNullRef(ref slot) || slot is StringValue)
        {
            // A URN too long to pool, or also a string value of the request (whose slot holds that value).
            (otherResources ??= new(StringComparer.Ordinal)).TryAdd(resource.Urn, resource);
        }
        else
        {
            slot ??= resource;
        }
    }

    /// <summary>The first resource indexed with the URN <paramref name="urn"/>, or null.</summary>
    public StackResource? ResourceOf(string urn)
    {
        ObjectDisposedException.ThrowIf(released, this);
        return strings.TryGetValue(urn, out var slot) && slot is StackResource resource ? resource : otherResources?.GetValueOrDefault(urn);
    }

    /// <summary>
    /// The resource a slot given by <see cref="Get(ReadOnlySpan{byte}, out object?)"/> held: the first resource indexed
    /// with that URN when it was read, or null (none yet, or the URN is also a string value of the request, whose
    /// resources <see cref="ResourceOf"/> still finds).
    /// </summary>
    public static StackResource? ResourceOfSlot(object? slot) => slot as StackResource;

    /// <summary>A string that is not pooled (one that occurs once, such as a resource's name).</summary>
    public static string Unpooled(ReadOnlySpan<byte> utf8) => utf8.Length == 0 ? "" : Encoding.UTF8.GetString(utf8);

    /// <summary>The string of <paramref name="utf8"/>, shared with every equal one of the request.</summary>
    public string Get(ReadOnlySpan<byte> utf8) => Get(utf8, out _);

    /// <summary>
    /// The string of <paramref name="utf8"/>, shared with every equal one of the request, and its slot, found by the
    /// same lookup: <see cref="ResourceOfSlot"/> tells the first resource indexed so far with that URN.
    /// </summary>
    public string Get(ReadOnlySpan<byte> utf8, out object? slot)
    {
        slot = null;
        if (utf8.Length == 0)
        {
            return "";
        }

        if (utf8.Length > MaxPooledBytes)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        if (lookup.TryGetValue(utf8, out var pooled, out slot))
        {
            return pooled;
        }

        var result = Encoding.UTF8.GetString(utf8);
        strings.Add(result, null);
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

        if (lookup.TryGetValue(utf8, out var pooled, out var slot))
        {
            // (A URN that is also a resource's keeps the resource in its slot; its string values are not shared.)
            return slot as StringValue ?? (slot is null ? (StringValue)(strings[pooled] = new StringValue(pooled)) : new StringValue(pooled));
        }

        var result = new StringValue(Encoding.UTF8.GetString(utf8));
        strings.Add(result.Value, result);
        return result;
    }
}
