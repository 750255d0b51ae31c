namespace FargateNetwork.Infra;

/// <summary>The nearest known name for a misspelt key ("did you mean `fixedEgress`?"), by edit distance, ignoring case.</summary>
internal static class KeySuggestion
{
    /// <summary>A fix sentence naming the nearest of <paramref name="known"/>, or listing them all when none is close.</summary>
    public static string Fix(string given, IReadOnlyCollection<string> known, string prefix = "")
    {
        var nearest = Nearest(given, known);
        return nearest is not null
            ? $"did you mean `{prefix}{nearest}`? (known: {string.Join(", ", known)})"
            : $"use one of {string.Join(", ", known.Select(k => prefix + k))}";
    }

    public static string? Nearest(string given, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var distance = Distance(given.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        // Close enough: a third of the longer name, at least 2 edits (typos, swapped letters, wrong case).
        return best is not null && bestDistance <= Math.Max(2, Math.Max(given.Length, best.Length) / 3) ? best : null;
    }

    /// <summary>Optimal string alignment distance (insertions, deletions, substitutions, adjacent swaps).</summary>
    private static int Distance(string a, string b)
    {
        if (a.Length > 200 || b.Length > 200)
        {
            return int.MaxValue;
        }

        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
