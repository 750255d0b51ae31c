using System.Runtime.ExceptionServices;

namespace StackRules.Host.Analyzer;

/// <summary>A large request read in parts on several threads at once.</summary>
internal static partial class StackRequestDecoder
{
    /// <summary>
    /// How many bytes of the request are walked before its first part is read: the resources they hold size that part's
    /// string pool (a pool that outgrows its size is copied into one twice as large).
    /// </summary>
    private const int SampleBytes = 64 * 1024;

    /// <summary>
    /// What walking over a byte of the request costs against reading it (1.7 ms against 18 ms at 10,000 resources, on
    /// the 2-core benchmark machine): a cache miss per resource against all of its bytes.
    /// </summary>
    private const double WalkPerRead = 0.09;

    /// <summary>
    /// The request's resources, read in up to <paramref name="parts"/> parts at once: runs of whole resources of about
    /// equal size (<see cref="Layout"/>), each with its own <see cref="Reading"/> (string pool and buffers), joined in
    /// order. The result is the one a single reading gives (the same values; only strings equal across parts are not
    /// shared). A malformed request is read again in one part, so that its error is the one a single reading meets
    /// first.
    /// </summary>
    /// <remarks>
    /// Finding where a part starts means walking the top-level fields before it, one cache miss per resource (about
    /// 1.7 ms at 10,000 resources). So the walk does not come first: the first part is read on another thread from
    /// the start (it finds its own end by the same rule), this thread walks on and hands out each later part as it
    /// finds its first byte, and reads the last part itself.
    /// </remarks>
    internal static DecodedStack Decode(ReadOnlyMemory<byte> request, DependencyReferences references, int parts)
    {
        if (parts <= 1)
        {
            return new Reading(request.Length, Layout(request.Span, 1)[0].Resources, references).Request(request.Span, 0).Stack;
        }

        var starts = new int[parts];
        var firstIndexes = new int[parts];
        var estimates = new int[parts];
        var stacks = new DecodedStack?[parts];
        var ends = new int[parts];
        var errors = new Exception?[parts];
        var others = new List<Task>(parts);
        void ReadPart(int part)
        {
            var start = starts[part];
            var nextPart = part + 1 < parts ? PartThreshold(request.Length, parts, part + 1) - start : long.MaxValue;
            var bytes = part + 1 < parts ? request.Length / parts : request.Length - start;
            try
            {
                (stacks[part], var end) = new Reading(bytes, estimates[part], references).Request(request.Span[start..], firstIndexes[part], nextPart);
                ends[part] = start + end;
            }
            catch (Exception e)
            {
                errors[part] = e;
            }
        }

        var found = 1; // parts whose first byte is known
        var handedOut = 0; // parts being read on other threads (all but the last)
        var count = 0; // resources walked
        void HandOut(int walked)
        {
            var part = handedOut++;
            var bytes = part + 1 < parts ? request.Length / parts : request.Length - starts[part];
            estimates[part] = EstimatedResources(count, walked, bytes);
            others.Add(Task.Run(() => ReadPart(part)));
        }

        var reader = new WireReader(request.Span);
        try
        {
            while (!reader.AtEnd && found < parts)
            {
                var start = reader.Position;
                if (handedOut == 0 && start >= SampleBytes)
                {
                    HandOut(start);
                }

                if (start >= PartThreshold(request.Length, parts, found) && count > firstIndexes[found - 1])
                {
                    starts[found] = start;
                    firstIndexes[found] = count;
                    found++;
                    while (handedOut < Math.Min(found, parts - 1))
                    {
                        HandOut(start); // every part but the last as soon as its first byte is known
                    }

                    continue;
                }

                var tag = reader.ReadTag();
                count += tag == ResourcesTag ? 1 : 0;
                reader.Skip(tag);
            }
        }
        catch (InvalidDataException)
        {
            // The part that holds the malformed byte meets it too, and the request is read again in one part.
        }

        if (handedOut < found)
        {
            // The last part (or the only one found), on this thread; a part handed out that turns out to be the last
            // reads to the end by itself.
            estimates[found - 1] = EstimatedResources(count, reader.Position, request.Length - starts[found - 1]);
            ReadPart(found - 1);
        }

        Task.WaitAll(others);
        if (Array.Find(errors, e => e is not null) is { } error)
        {
            if (error is InvalidDataException)
            {
                return new Reading(request.Length, count, references).Request(request.Span, 0).Stack;
            }

            ExceptionDispatchInfo.Throw(error);
        }

        // Each part ends where the next starts, by the one rule (PartThreshold); the last at the request's end.
        for (var part = 0; part < found; part++)
        {
            if (ends[part] != (part + 1 < found ? starts[part + 1] : request.Length))
            {
                throw new InvalidOperationException($"part {part} of the request ended at byte {ends[part]}, not where the next begins: the readings and the walk split the request differently");
            }
        }

        return DecodedStack.Join(stacks[..found]!);
    }

    /// <summary>
    /// Where the request splits into up to <paramref name="parts"/> runs of whole top-level fields of about equal
    /// size: each run's first byte, how many resources it holds, and the index of its first resource. A run starts at
    /// the first field at or past its share of the bytes (<see cref="PartThreshold"/>) once the run before holds a
    /// resource. Counting stops at the first malformed byte, which the reading of the run that holds it reports.
    /// </summary>
    internal static List<(int Start, int Resources, int FirstIndex)> Layout(ReadOnlySpan<byte> request, int parts)
    {
        var layout = new List<(int Start, int Resources, int FirstIndex)>(parts) { (0, 0, 0) };
        var count = 0;
        var reader = new WireReader(request);
        try
        {
            while (!reader.AtEnd)
            {
                var start = reader.Position;
                if (layout.Count < parts && start >= PartThreshold(request.Length, parts, layout.Count) && count > layout[^1].FirstIndex)
                {
                    layout[^1] = layout[^1] with { Resources = count - layout[^1].FirstIndex };
                    layout.Add((start, 0, count));
                }

                var tag = reader.ReadTag();
                count += tag == ResourcesTag ? 1 : 0;
                reader.Skip(tag);
            }
        }
        catch (InvalidDataException)
        {
            // Reported where the reading meets it.
        }

        layout[^1] = layout[^1] with { Resources = count - layout[^1].FirstIndex };
        return layout;
    }

    /// <summary>
    /// The byte at or past which part <paramref name="part"/> of <paramref name="parts"/> starts: equal shares, but the
    /// last part (read by the thread that walked to it) smaller by half the walk's cost, so that it ends with the others.
    /// </summary>
    private static long PartThreshold(int length, int parts, int part) =>
        (long)length * part / parts + (part == parts - 1 ? (long)(length * WalkPerRead * (parts - 1) / parts / 2) : 0);

    /// <summary>
    /// The resources <paramref name="bytes"/> bytes are expected to hold when <paramref name="walked"/> bytes held
    /// <paramref name="resources"/>, with a quarter more (an unused pool entry costs less than the pool's growth).
    /// </summary>
    private static int EstimatedResources(int resources, int walked, int bytes) =>
        walked <= 0 ? 0 : (int)Math.Min(int.MaxValue / 2, ((long)resources * bytes / walked * 5 / 4) + 1);
}
