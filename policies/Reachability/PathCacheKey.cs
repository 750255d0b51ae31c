using System.Runtime.CompilerServices;
using FargateNetwork.Policies.Model;

namespace FargateNetwork.Policies.Reachability;

/// <summary>
/// The keys of the reachability caches: model objects (placements, subnets, VPCs), of which a model holds one per
/// resource, compared by identity, and a value (a destination, a CIDR block, a service and a path) compared as a
/// value. Hashed without hashing any text in full: a tuple's hash would hash the records' strings (a destination's
/// name, a path's detail) with the randomized string hash on every lookup (about a fifth of the path lookups' time in
/// a profile of the 10,000-resource benchmark). No key stores its hash: one is made per lookup, and the dictionary
/// keeps each entry's hash itself, so a stored one would only make every entry larger.
/// </summary>
internal static class PathCacheKey
{
    /// <summary>A path from a subnet for a placement's tasks to a destination.</summary>
    public static DestinationKey Of(TaskPlacement placement, Subnet subnet, Destination destination) => new(placement, subnet, destination);

    /// <summary>The routes from a subnet for a placement's tasks to a block.</summary>
    public static BlockKey Of(TaskPlacement placement, Subnet subnet, Ipv4Cidr block) => new(placement, subnet, block);

    /// <summary>A service without an endpoint in a VPC, after <paramref name="routes"/>.</summary>
    public static NoEndpointKey Of(string service, Vpc vpc, NetworkPath routes) => new(service, vpc, routes);

    private static int Identity(object a, object b) => HashCode.Combine(RuntimeHelpers.GetHashCode(a), RuntimeHelpers.GetHashCode(b));

    /// <summary>Equal destinations have the same block and name (records compare every member).</summary>
    internal readonly struct DestinationKey(TaskPlacement placement, Subnet subnet, Destination destination) : IEquatable<DestinationKey>
    {
        private readonly TaskPlacement placement = placement;
        private readonly Subnet subnet = subnet;
        private readonly Destination destination = destination;

        public bool Equals(DestinationKey other) =>
            ReferenceEquals(placement, other.placement) && ReferenceEquals(subnet, other.subnet)
            && (ReferenceEquals(destination, other.destination) || destination.Equals(other.destination));

        public override bool Equals(object? obj) => obj is DestinationKey other && Equals(other);

        public override int GetHashCode() =>
            HashCode.Combine(Identity(placement, subnet), destination.Block, destination.Name.Length, destination.Service?.Length ?? -1);
    }

    internal readonly struct BlockKey(TaskPlacement placement, Subnet subnet, Ipv4Cidr block) : IEquatable<BlockKey>
    {
        private readonly TaskPlacement placement = placement;
        private readonly Subnet subnet = subnet;
        private readonly Ipv4Cidr block = block;

        public bool Equals(BlockKey other) => ReferenceEquals(placement, other.placement) && ReferenceEquals(subnet, other.subnet) && block == other.block;

        public override bool Equals(object? obj) => obj is BlockKey other && Equals(other);

        public override int GetHashCode() => HashCode.Combine(Identity(placement, subnet), block);
    }

    /// <summary>Equal paths have the same kind, reason and detail (records compare every member).</summary>
    internal readonly struct NoEndpointKey(string service, Vpc vpc, NetworkPath routes) : IEquatable<NoEndpointKey>
    {
        private readonly string service = service;
        private readonly Vpc vpc = vpc;
        private readonly NetworkPath routes = routes;

        public bool Equals(NoEndpointKey other) =>
            ReferenceEquals(vpc, other.vpc) && string.Equals(service, other.service, StringComparison.Ordinal)
            && (ReferenceEquals(routes, other.routes) || routes.Equals(other.routes));

        public override bool Equals(object? obj) => obj is NoEndpointKey other && Equals(other);

        public override int GetHashCode() =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(vpc), service.Length, routes.Kind, routes.Reason, routes.Detail.Length);
    }
}
