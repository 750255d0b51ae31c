using System.Diagnostics.Tracing;

/// <summary>
/// The runtime's allocation samples (one <c>GCAllocationTick</c> about every 100 KB, with the type allocated), summed
/// by type while <see cref="Phase"/> names a phase: what <c>--phases</c> prints under each phase with <c>--types</c>.
/// </summary>
internal sealed class AllocationTypes : EventListener
{
    private readonly Dictionary<(string Phase, string Type), long> bytes = [];

    /// <summary>The phase the samples are counted for; null counts nothing.</summary>
    public string? Phase { get; set; }

    /// <summary>The largest types of a phase, with the bytes sampled.</summary>
    public IEnumerable<(string Type, long Bytes)> Top(string phase, int count)
    {
        lock (bytes)
        {
            return bytes.Where(b => b.Key.Phase == phase).OrderByDescending(b => b.Value).Take(count).Select(b => (b.Key.Type, b.Value)).ToList();
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (Phase is not { } phase || e.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null)
        {
            return;
        }

        var type = e.PayloadNames?.IndexOf("TypeName") is { } t and >= 0 ? e.Payload[t] as string ?? "?" : "?";
        var amount = e.PayloadNames?.IndexOf("AllocationAmount64") is { } a and >= 0 ? Convert.ToInt64(e.Payload[a], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        lock (bytes)
        {
            bytes[(phase, type)] = bytes.GetValueOrDefault((phase, type)) + amount;
        }
    }
}
