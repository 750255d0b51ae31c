using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;

namespace StackRules.Host.Analyzer;

/// <summary>
/// The resources of an <c>AnalyzeStackRequest</c> as <see cref="StackRequestDecoder"/> read them, with the index by
/// URN that its string pools already hold, the resources in which it met a secret, and the resources by type (indexed
/// as each is read, while it is still in the processor's cache: an index made afterwards touches every resource
/// again), so the evaluation builds none of them again (see <see cref="IDecodedStack"/>). Filled by the decoder,
/// read-only after.
/// </summary>
internal sealed class DecodedStack : List<StackResource>, IDecodedStack
{
    private readonly List<StackResource> withSecrets;

    /// <summary>The resources of each type, in request order, each an array of the exact size (made by <see cref="Seal"/>).</summary>
    private readonly Dictionary<string, StackResource[]> byType;

    /// <summary>While a reading adds resources: the canonical type tokens met, numbered in the order met.</summary>
    private Dictionary<string, int>? typeIds;

    /// <summary>While a reading adds resources: each resource's type number (rented), and how many resources each type has.</summary>
    private int[]? typeOf;
    private List<int>? typeCounts;

    /// <summary>The pools of the parts read, in request order: each indexes its own part's resources by URN.</summary>
    private readonly StringPool[] pools;

    /// <summary>
    /// A hash of each resource's URN, in order, when this stack is a part of a request (for <see cref="Join"/>, which
    /// gives the rented array back).
    /// </summary>
    private ulong[]? urnHashes;
    private int urnHashCount;

    /// <summary>
    /// Whether a reference's <see cref="ReferenceValue.Target"/> is the first resource of its URN in this stack: true
    /// for one reading (its pool keeps the first); for parts joined, only when no URN is in two parts (a later part's
    /// reading links its references to its own first resource, and an earlier part's one of the same URN comes first).
    /// </summary>
    private readonly bool targetsFirst = true;

    /// <summary>The most slots <see cref="NoUrnInTwoParts"/> searches for one hash before it gives up (and vouches for nothing).</summary>
    private const int MaxProbes = 64;

    /// <summary>
    /// A stack to fill with the resources of one reading (<paramref name="pool"/> is its string pool);
    /// <paramref name="hashUrns"/> when it is a part, to be joined.
    /// </summary>
    public DecodedStack(int capacity, StringPool pool, bool hashUrns = false)
        : base(capacity)
    {
        pools = [pool];
        withSecrets = [];
        byType = new(StringComparer.Ordinal);
        typeIds = new(StringComparer.Ordinal);
        typeCounts = [];
        typeOf = ArrayPool<int>.Shared.Rent(Math.Max(capacity, 16));
        urnHashes = hashUrns ? ArrayPool<ulong>.Shared.Rent(Math.Max(capacity, 16)) : null;
    }

    private DecodedStack(IReadOnlyList<DecodedStack> parts)
        : base(parts.Sum(p => p.Count))
    {
        pools = [.. parts.SelectMany(p => p.pools)];
        targetsFirst = NoUrnInTwoParts(parts);
        foreach (var part in parts)
        {
            if (part.urnHashes is { } rented)
            {
                ArrayPool<ulong>.Shared.Return(rented);
                part.urnHashes = null;
            }
        }

        withSecrets = new(parts.Sum(p => p.withSecrets.Count));
        byType = new(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            AddRange(part);
            withSecrets.AddRange(part.withSecrets);
        }

        // Each type's resources in request order: the parts' arrays one after another (one part's array kept as it is).
        foreach (var part in parts)
        {
            part.Seal();
        }

        foreach (var type in parts.SelectMany(p => p.byType.Keys).Distinct(StringComparer.Ordinal))
        {
            var arrays = parts.Select(p => p.byType.GetValueOrDefault(type)).OfType<StackResource[]>().ToList();
            if (arrays.Count == 1)
            {
                byType[type] = arrays[0];
                continue;
            }

            var joined = new StackResource[arrays.Sum(a => a.Length)];
            var at = 0;
            foreach (var array in arrays)
            {
                array.CopyTo(joined, at);
                at += array.Length;
            }

            byType[type] = joined;
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<StackResource> WithSecrets => withSecrets;

    /// <summary>
    /// Gives the string pools' tables back for the next request (<see cref="StringPool.Release"/>), once nothing looks
    /// these resources up by URN any more (the evaluation is over); <see cref="Find(string)"/> throws after.
    /// </summary>
    public void Release()
    {
        foreach (var pool in pools)
        {
            pool.Release();
        }
    }

    /// <summary>The stacks of consecutive parts of one request, as one (each resource and index kept, nothing read again).</summary>
    public static DecodedStack Join(IReadOnlyList<DecodedStack> parts) => parts.Count == 1 ? parts[0] : new DecodedStack(parts);

    /// <inheritdoc/>
    public StackResource? Find(string urn)
    {
        // The first resource with that URN: the first part that has one holds it.
        foreach (var pool in pools)
        {
            if (pool.ResourceOf(urn) is { } resource)
            {
                return resource;
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public StackResource? Find(ReferenceValue reference) =>
        targetsFirst && reference.Target is { } target ? target : Find(reference.TargetUrn);

    /// <inheritdoc/>
    public IReadOnlyList<StackResource> OfType(string type)
    {
        Seal();
        return byType.TryGetValue(type, out var list) ? list : [];
    }

    /// <summary>
    /// Ends the adding: each type's resources into an array of the exact size (lists grown as resources came would
    /// allocate about as much again), found by the type numbers kept per resource, not by reading the resources again.
    /// The reading calls it before it hands the stack on; a stack sealed takes no more resources.
    /// </summary>
    public void Seal()
    {
        if (typeOf is not { } types)
        {
            return;
        }

        var arrays = new StackResource[typeCounts!.Count][];
        for (var t = 0; t < arrays.Length; t++)
        {
            arrays[t] = new StackResource[typeCounts[t]];
        }

        var filled = new int[arrays.Length];
        for (var i = 0; i < Count; i++)
        {
            var t = types[i];
            arrays[t][filled[t]++] = this[i];
        }

        foreach (var (type, t) in typeIds!)
        {
            byType[type] = arrays[t];
        }

        ArrayPool<int>.Shared.Return(types);
        typeOf = null;
        typeIds = null;
        typeCounts = null;
    }

    /// <summary>
    /// Adds the next decoded resource; <paramref name="secrets"/> when the decoder met a secret in it;
    /// <paramref name="urnUtf8"/> is its URN as the request holds it.
    /// </summary>
    public void Add(StackResource resource, bool secrets, ReadOnlySpan<byte> urnUtf8)
    {
        if (typeOf is null)
        {
            throw new InvalidOperationException("a decoded stack takes no resource once sealed");
        }

        var type = TypeToken.Canonical(resource.Type);
        if (!typeIds!.TryGetValue(type, out var typeId))
        {
            typeIds[type] = typeId = typeIds.Count;
            typeCounts!.Add(0);
        }

        if (Count == typeOf.Length)
        {
            var larger = ArrayPool<int>.Shared.Rent(2 * Count);
            typeOf.CopyTo(larger, 0);
            ArrayPool<int>.Shared.Return(typeOf);
            typeOf = larger;
        }

        typeOf[Count] = typeId;
        typeCounts![typeId]++;
        Add(resource);
        pools[0].Index(resource, urnUtf8);
        if (urnHashes is not null)
        {
            if (urnHashCount == urnHashes.Length)
            {
                var larger = ArrayPool<ulong>.Shared.Rent(2 * urnHashCount);
                urnHashes.CopyTo(larger, 0);
                ArrayPool<ulong>.Shared.Return(urnHashes);
                urnHashes = larger;
            }

            urnHashes[urnHashCount++] = Hash(urnUtf8, resource.Urn);
        }

        if (secrets)
        {
            withSecrets.Add(resource);
        }
    }

    /// <summary>
    /// Whether no URN hash of a part is also one of an earlier part (a hash shared by two different URNs only makes
    /// <see cref="Find(ReferenceValue)"/> look up by URN): each part's hashes looked up in an open-addressed table of
    /// the earlier parts' ones (rented), then added to it.
    /// </summary>
    private static bool NoUrnInTwoParts(IReadOnlyList<DecodedStack> parts)
    {
        if (parts.Any(p => p.urnHashes is null))
        {
            return false; // not read as parts: nothing to tell by
        }

        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, 2 * parts.Sum(p => p.urnHashCount)));
        var table = ArrayPool<ulong>.Shared.Rent(size);
        try
        {
            Array.Clear(table, 0, size);
            var mask = (ulong)(size - 1);
            foreach (var part in parts)
            {
                var hashes = part.urnHashes!.AsSpan(0, part.urnHashCount);
                foreach (var hash in hashes)
                {
                    if (Slot(table, hash, mask) is not { } slot || table[slot] != 0)
                    {
                        return false;
                    }
                }

                foreach (var hash in hashes)
                {
                    if (Slot(table, hash, mask) is not { } slot)
                    {
                        return false;
                    }

                    table[slot] = Key(hash);
                }
            }

            return true;
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(table);
        }

        // 0 marks an empty slot: a hash of 0 is kept as 1.
        static ulong Key(ulong hash) => hash == 0 ? 1 : hash;

        // The slot that holds the hash, else the empty one where it goes (the table is never more than half full);
        // null past MaxProbes slots, as hashes made alike could make the search quadratic.
        static int? Slot(ulong[] table, ulong hash, ulong mask)
        {
            var key = Key(hash);
            var slot = key & mask;
            for (var probes = 0; table[slot] != 0 && table[slot] != key; probes++)
            {
                if (probes == MaxProbes)
                {
                    return null;
                }

                slot = (slot + 1) & mask;
            }

            return (int)slot;
        }
    }

    /// <summary>
    /// A 64-bit hash of a URN (multiply and fold per 8 bytes): of its UTF-8 bytes when they are ASCII, else of its
    /// characters (bytes that differ may decode to the same URN; ASCII ones cannot).
    /// </summary>
    internal static ulong Hash(ReadOnlySpan<byte> utf8, string urn)
    {
        var bytes = Ascii.IsValid(utf8) ? utf8 : MemoryMarshal.AsBytes(urn.AsSpan());
        var hash = 0x9E3779B97F4A7C15UL ^ (ulong)bytes.Length;
        while (bytes.Length >= 8)
        {
            hash = Mix(hash ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes));
            bytes = bytes[8..];
        }

        ulong tail = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            tail |= (ulong)bytes[i] << (8 * i);
        }

        return Mix(hash ^ tail);

        static ulong Mix(ulong x)
        {
            x *= 0xFF51AFD7ED558CCDUL;
            return x ^ (x >> 32);
        }
    }
}
