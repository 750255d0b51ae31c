using System.Runtime.CompilerServices;
using FargateNetwork.Policies.Model;

namespace FargateNetwork.Policies.Reachability;

/// <summary>
/// The key of a reachability cache: model objects (placements, subnets, VPCs), of which a model holds one per
/// resource, compared by identity, and a value (a destination, a path, a CIDR block, a service name) compared as a
/// value. Hashed without hashing any text in full: a tuple's hash would hash the records' strings (a destination's
/// name, a path's detail) with the randomized string hash on every lookup (about a fifth of the path lookups' time in a profile of the 10,000-resource benchmark).
/// </summary>
/// <typeparam name="TValue">The value part.</typeparam>
internal readonly struct PathCacheKey<TValue>(object first, object? second, TValue value, int valueHash) : IEquatable<PathCacheKey<TValue>>
{
    private readonly object first = first;
    private readonly object? second = second;
    private readonly TValue value = value;
    private readonly int valueHash = valueHash;

    public bool Equals(PathCacheKey<TValue> other) =>
        ReferenceEquals(first, other.first) && ReferenceEquals(second, other.second) && EqualityComparer<TValue>.Default.Equals(value, other.value);

    public override bool Equals(object? obj) => obj is PathCacheKey<TValue> other && Equals(other);

    // Computed per call: a key is made per lookup, and the dictionary keeps each entry's hash itself.
    public override int GetHashCode() =>
        HashCode.Combine(RuntimeHelpers.GetHashCode(first), second is null ? 0 : RuntimeHelpers.GetHashCode(second), valueHash);
}

/// <summary>The cache keys of <see cref="ReachabilityAnalysis"/>, each hashed from what its equality compares.</summary>
internal static class PathCacheKey
{
    /// <summary>A path from a subnet for a placement's tasks to a destination (equal destinations: same block and name).</summary>
    public static PathCacheKey<Destination> Of(TaskPlacement placement, Subnet subnet, Destination destination) =>
        new(placement, subnet, destination, HashCode.Combine(destination.Block, destination.Name.Length, destination.Service?.Length ?? -1));

    /// <summary>The routes from a subnet for a placement's tasks to a block.</summary>
    public static PathCacheKey<Ipv4Cidr> Of(TaskPlacement placement, Subnet subnet, Ipv4Cidr block) =>
        new(placement, subnet, block, block.GetHashCode());

    /// <summary>A service without an endpoint in a VPC, after <paramref name="routes"/> (equal paths: same kind, reason and detail).</summary>
    public static PathCacheKey<(string, NetworkPath)> Of(string service, Vpc vpc, NetworkPath routes) =>
        new(vpc, null, (service, routes), HashCode.Combine(service.Length, routes.Kind, routes.Reason, routes.Detail.Length));
}
