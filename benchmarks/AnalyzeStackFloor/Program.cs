using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using FargateNetwork.Policies.Pack;
using StackRules.Host.Analyzer;
using StackRules.Host.Analyzer.Protocol;
using Google.Protobuf;

// Usage: AnalyzeStackFloor [--phases] REQUEST.bin...  |  AnalyzeStackFloor --repeat N REQUEST.bin (for a profiler)   (files written by benchmarks/analyzer.js --dump DIR; --phases: Phases.cs)
// For each serialized AnalyzeStackRequest, interleaved, ROUNDS times: the floor (Google.Protobuf parsing the request
// into its object tree, which any server built on Google.Protobuf pays), then the pack's whole AnalyzeStack from the
// same bytes (decode, resolve, model, rules, response serialized), then the former path for comparison (the protobuf
// tree, then AnalyzerService.StackResourceOf per resource, then the same analysis). Prints one line per file:
// "floor <resources> <floor ms> <ours ms> <allocated bytes> <request bytes> <former ms> <former allocated bytes>".
const int Rounds = 9;
var session = new AnalyzerSession(FargatePack.Definition);
var service = new AnalyzerService(session, () => { });
if (args is ["--repeat", var times, var only])
{
    // Only the pack's AnalyzeStack, over and over: what a profiler attached to this process should see.
    var output = new ArrayBufferWriter<byte>();
    var request = File.ReadAllBytes(only);
    for (var i = 0; i < int.Parse(times, CultureInfo.InvariantCulture); i++)
    {
        GC.Collect(); // as the measured calls start
        output.ResetWrittenCount();
        (await service.AnalyzeStack(AnalyzeStackInput.Decode(request, session.References))).WriteTo(output);
    }

    Console.Error.WriteLine($"GCs: gen0 {GC.CollectionCount(0)} gen1 {GC.CollectionCount(1)} gen2 {GC.CollectionCount(2)}, paused {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms");

    return;
}

if (args is ["--phases", .. var phaseArgs])
{
    Phases.Run(phaseArgs, service, session);
    return;
}

// The response is written as the server writes it: into a buffer that is reused (Kestrel's pipe memory is pooled).
var written = new ArrayBufferWriter<byte>();
foreach (var file in args)
{
    var bytes = File.ReadAllBytes(file);
    var resources = AnalyzeStackRequest.Parser.ParseFrom(bytes).Resources.Count;
    var floor = new List<double>();
    var ours = new List<double>();
    var former = new List<double>();
    long allocated = long.MaxValue;
    long formerAllocated = long.MaxValue;
    for (var round = -2; round < Rounds; round++)
    {
        GC.Collect();
        var watch = Stopwatch.StartNew();
        var parsed = AnalyzeStackRequest.Parser.ParseFrom(bytes);
        watch.Stop();
        GC.KeepAlive(parsed);
        parsed = null;
        if (round >= 0)
        {
            floor.Add(watch.Elapsed.TotalMilliseconds);
        }

        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        watch.Restart();
        var response = await service.AnalyzeStack(AnalyzeStackInput.Decode(bytes, session.References));
        written.ResetWrittenCount();
        response.WriteTo(written);
        watch.Stop();
        allocated = Math.Min(allocated, GC.GetTotalAllocatedBytes(precise: true) - before);
        if (round >= 0)
        {
            ours.Add(watch.Elapsed.TotalMilliseconds);
        }

        GC.Collect();
        before = GC.GetTotalAllocatedBytes(precise: true);
        watch.Restart();
        var tree = AnalyzeStackRequest.Parser.ParseFrom(bytes);
        var formerResources = tree.Resources.Select(r => AnalyzerService.StackResourceOf(r, session.References)).ToList();
        var formerResponse = await service.AnalyzeStack(new AnalyzeStackInput(formerResources));
        written.ResetWrittenCount();
        formerResponse.WriteTo(written);
        watch.Stop();
        formerAllocated = Math.Min(formerAllocated, GC.GetTotalAllocatedBytes(precise: true) - before);
        if (round >= 0)
        {
            former.Add(watch.Elapsed.TotalMilliseconds);
        }
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"floor {resources} {Median(floor):F2} {Median(ours):F2} {allocated} {bytes.Length} {Median(former):F2} {formerAllocated}"));
}

static double Median(List<double> values)
{
    values.Sort();
    return values[values.Count / 2];
}
