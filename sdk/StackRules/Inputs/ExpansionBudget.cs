
namespace StackRules.Inputs;

/// <summary>
/// What a template may expand to (<see cref="InputLimits.ExpansionLimit"/>): every value and every character counted
/// each time it appears once YAML aliases, variables and <c>fn::join</c> are expanded. A YAML alias or a variable is
/// one shared value in memory, but the rules walk it once per use, so the expanded size is what costs time; an
/// <c>fn::join</c> result is real memory, so it is counted before it is built. Sizes of shared values are memoised,
/// so measuring is linear in the number of distinct values.
/// </summary>
internal sealed class ExpansionBudget(long limit)
{
    private readonly Dictionary<PropertyValue, long> sizes = new(ReferenceEqualityComparer.Instance);
    private long joined;

    public long Limit { get; } = limit;

    /// <summary>Counts <paramref name="characters"/> an <c>fn::join</c> is about to build; throws <see cref="ExpansionException"/> past the limit.</summary>
    public void Join(long characters)
    {
        joined += characters;
        if (joined > Limit)
        {
            throw new ExpansionException($"fn::join results add up to more than {Limit:N0} characters");
        }
    }

    /// <summary>The expanded size of <paramref name="value"/>; throws <see cref="ExpansionException"/> when it alone is past the limit.</summary>
    public long Measure(PropertyValue value)
    {
        var size = SizeOf(value);
        return size <= Limit ? size : throw new ExpansionException($"expands to more than {Limit:N0} values and characters");
    }

    private long SizeOf(PropertyValue value)
    {
        if (sizes.TryGetValue(value, out var known))
        {
            return known;
        }

        var size = 1L;
        switch (value)
        {
            case StringValue s:
                size = Add(size, s.Value.Length);
                break;
            case ArrayValue a:
                foreach (var item in a.Items)
                {
                    size = Add(size, SizeOf(item));
                }

                break;
            case ObjectValue o:
                foreach (var (key, item) in o.Properties)
                {
                    size = Add(Add(size, key.Length), SizeOf(item));
                }

                break;
            case SecretValue s:
                size = Add(size, SizeOf(s.Inner));
                break;
        }

        sizes[value] = size;
        return size;
    }

    /// <summary>Saturating: a shared value used a billion billion times must not overflow into a small number.</summary>
    public static long Add(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;
}

/// <summary>A template expands past <see cref="ExpansionBudget.Limit"/>; <see cref="TemplateReader"/> adds where.</summary>
internal sealed class ExpansionException(string message) : Exception(message);
