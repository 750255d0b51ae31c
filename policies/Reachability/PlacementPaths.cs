using FargateNetwork.Policies.Model;

namespace FargateNetwork.Policies.Reachability;

/// <summary>
/// The paths found from each subnet of each placement, by destination: a placement found by its position in the
/// model, a subnet by its position among the placement's subnets, then the destinations of that subnet compared in
/// place (the same instance first, then an equal one). Every rule walks every task subnet and asks for the same few
/// destinations, so a lookup here is a few comparisons where a dictionary keyed by (placement, subnet, destination)
/// hashed the placement and the subnet by identity on every lookup. A placement that is not where the model put it,
/// or a subnet that is not one of the placement's, has no entry here (<see cref="Of"/> gives null).
/// </summary>
internal sealed class PlacementPaths(IReadOnlyList<TaskPlacement> placements)
{
    private readonly SubnetPaths?[]?[] byPlacement = new SubnetPaths?[]?[placements.Count];

    /// <summary>The paths from <paramref name="subnet"/> for the tasks of <paramref name="placement"/>, or null (see above).</summary>
    public SubnetPaths? Of(TaskPlacement placement, Subnet subnet)
    {
        var position = placement.Position;
        if ((uint)position >= (uint)byPlacement.Length || !ReferenceEquals(placements[position], placement))
        {
            return null;
        }

        var subnets = placement.Subnets;
        for (var i = 0; i < subnets.Count; i++)
        {
            if (ReferenceEquals(subnets[i], subnet))
            {
                // Made for the placement's subnets as they are at its first lookup: a list changed since then (the model
                // is not changed after it is built) has no entry here.
                var ofPlacement = byPlacement[position] ??= new SubnetPaths?[subnets.Count];
                if (i >= ofPlacement.Length)
                {
                    return null;
                }

                var ofSubnet = ofPlacement[i] ??= new SubnetPaths(subnet);
                return ReferenceEquals(ofSubnet.Subnet, subnet) ? ofSubnet : null;
            }
        }

        return null;
    }
}

/// <summary>The paths found from one subnet for one placement's tasks, by destination (a few: searched in place).</summary>
internal sealed class SubnetPaths(Subnet subnet)
{
    private (Destination Destination, NetworkPath Path)[] found = new (Destination, NetworkPath)[8];
    private int count;

    /// <summary>The subnet the paths start from.</summary>
    public Subnet Subnet { get; } = subnet;

    /// <summary>The path found to <paramref name="destination"/> (this instance, or an equal destination), or null.</summary>
    public NetworkPath? Find(Destination destination)
    {
        var entries = found.AsSpan(0, count);
        foreach (var (known, path) in entries)
        {
            if (ReferenceEquals(known, destination))
            {
                return path;
            }
        }

        foreach (var (known, path) in entries)
        {
            if (known.Equals(destination))
            {
                return path;
            }
        }

        return null;
    }

    /// <summary>Records the path to a destination not found here yet.</summary>
    public void Add(Destination destination, NetworkPath path)
    {
        if (count == found.Length)
        {
            Array.Resize(ref found, count * 2);
        }

        found[count++] = (destination, path);
    }
}
