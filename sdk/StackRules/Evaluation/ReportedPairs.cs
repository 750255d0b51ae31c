namespace StackRules;

/// <summary>
/// The (URN, message) pairs one policy has reported in a call: a violation reported twice is kept once. Indexed by
/// URN, then by message among that URN's (usually one): no message is hashed unless a resource has more than
/// <see cref="ListedMessages"/>, where a tuple's hash would hash every message in full with the randomized string hash.
/// </summary>
internal sealed class ReportedPairs
{
    /// <summary>A URN's messages are compared one by one up to this many; past it they are hashed.</summary>
    private const int ListedMessages = 8;

    // Per URN: its one message (MessageText), its messages (List<MessageText>), or a set of them (HashSet<MessageText>).
    private readonly Dictionary<string, object> byUrn = new(StringComparer.Ordinal);
    private object? withoutUrn;

    /// <summary>Adds the pair; false when it was reported before.</summary>
    public bool Add(string? urn, MessageText message)
    {
        if (urn is null)
        {
            return Add(ref withoutUrn, message);
        }

        ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(byUrn, urn, out _);
        return Add(ref slot, message);
    }

    private static bool Add(ref object? slot, MessageText message)
    {
        switch (slot)
        {
            case null:
                slot = message;
                return true;
            case MessageText only:
                if (only.Equals(message))
                {
                    return false;
                }

                slot = new List<MessageText>(2) { only, message };
                return true;
            case List<MessageText> listed:
                foreach (var m in listed)
                {
                    if (m.Equals(message))
                    {
                        return false;
                    }
                }

                if (listed.Count < ListedMessages)
                {
                    listed.Add(message);
                }
                else
                {
                    slot = new HashSet<MessageText>(listed) { message };
                }

                return true;
            default:
                return ((HashSet<MessageText>)slot).Add(message);
        }
    }
}
