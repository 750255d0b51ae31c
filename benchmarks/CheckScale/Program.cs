using System.Diagnostics;
using System.Globalization;
using FargateNetwork.Benchmarks.CheckScale;
using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Pack;

// Usage: dotnet run -c Release --project benchmarks/CheckScale [-- SIZE...]
// Prints the median FargatePack.Evaluate time of 7 runs (after 2 warm-up runs) per stack size. Before any measurement,
// 20 runs on a 5,000-resource stack let the JIT reach its optimised tier, so the first size is not penalised.
var sizes = args.Length > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [1_000, 10_000, 50_000];
var pack = FargatePack.Create(null);
var warmUp = SyntheticStack.Build(5_000);
for (var i = 0; i < 20; i++)
{
    pack.Evaluate(warmUp);
}

Console.WriteLine("resources  median ms  min ms  max ms  violations  reachability rows  ms per 1,000 resources");
foreach (var size in sizes)
{
    var stack = SyntheticStack.Build(size);
    Evaluation? last = null;
    for (var i = 0; i < 2; i++)
    {
        last = pack.Evaluate(stack);
    }

    var times = new List<double>();
    for (var i = 0; i < 7; i++)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var watch = Stopwatch.StartNew();
        last = pack.Evaluate(stack);
        watch.Stop();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    var median = times[times.Count / 2];
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{stack.Count,9:N0}  {median,9:F1}  {times[0],6:F1}  {times[^1],6:F1}  {last!.Violations.Count,10:N0}  {last.Reachability.Count,17:N0}  {median / stack.Count * 1000,22:F2}"));
}
