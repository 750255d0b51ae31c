using System.Buffers;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Model;
using FargateNetwork.Policies.Pack;
using Google.Protobuf;
using StackRules;
using StackRules.Host.Analyzer;
using StackRules.Host.Analyzer.Protocol;

/// <summary>
/// <c>AnalyzeStackFloor --phases REQUEST.bin...</c>: where one AnalyzeStack call spends its time and its allocations,
/// phase by phase (the best of several rounds, after a warm-up), as lines
/// "phase &lt;resources&gt; &lt;name&gt; &lt;ms&gt; &lt;allocated bytes&gt;". The phases: decode (wire bytes to
/// resources, dependency references included), resolve (DependencyReferences.Resolve alone, on the same values),
/// model (NetworkModel.Build), reachability (the analysis' indexes), each rule in pack order (its paths included,
/// so the first rules pay for the paths the later ones share), and whole (the analyzer's AnalyzeStack, response
/// serialized): whole minus the others is the evaluation's own work (secret screen, violations) and the response.
/// </summary>
internal static class Phases
{
    private const int Rounds = 5;

    private static AllocationTypes? types;

    public static void Run(IReadOnlyList<string> args, AnalyzerService service, AnalyzerSession session)
    {
        var files = args.Where(a => a != "--types").ToList();
        types = args.Contains("--types") ? new AllocationTypes() : null;
        var steps = args.Contains("--steps");
        files.Remove("--steps");
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            var tree = AnalyzeStackRequest.Parser.ParseFrom(bytes);
            var count = tree.Resources.Count;
            var unresolved = tree.Resources
                .Select(r => (Outputs: PropertyDecoder.Decode(r.Properties), Dependencies: (IReadOnlyDictionary<string, IReadOnlyList<string>>)r.PropertyDependencies
                    .ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value.Urns.ToList(), StringComparer.Ordinal)))
                .ToList();
            var best = new Dictionary<string, (double Ms, long Bytes)>(StringComparer.Ordinal);
            var written = new ArrayBufferWriter<byte>();
            var order = new List<string>();
            void Record(string phase, double ms, long allocated)
            {
                if (!best.TryGetValue(phase, out var b))
                {
                    order.Add(phase);
                    best[phase] = (ms, allocated);
                }
                else
                {
                    best[phase] = (Math.Min(b.Ms, ms), Math.Min(b.Bytes, allocated));
                }
            }

            for (var round = -1; round < Rounds; round++)
            {
                Measure(Record, "protobuf-parse (floor)", () => AnalyzeStackRequest.Parser.ParseFrom(bytes));
                Measure(Record, "layout (the walk that splits the request)", () => StackRequestDecoder.Layout(bytes, 2));
                Measure(Record, "decode in one part", () => StackRequestDecoder.Decode(bytes, session.References, parts: 1));
                var resources = Measure(Record, "decode", () => AnalyzeStackInput.Decode(bytes, session.References).Resources);
                Measure(Record, "resolve", () =>
                {
                    foreach (var (outputs, dependencies) in unresolved)
                    {
                        session.References.Resolve(outputs, dependencies);
                    }

                    return 0;
                });
                if (steps)
                {
                    ModelSteps(Record, resources);
                }

                var model = Measure(Record, "model", () => NetworkModel.Build(resources));
                var context = Measure(Record, "reachability", () => new PolicyContext(model));
                var defaults = FargatePack.Definition.Defaults();
                foreach (var policy in FargatePack.Definition.Policies.OfType<NetworkPolicy>())
                {
                    var settings = defaults.SettingsOf(policy.Name);
                    Measure(Record, policy.Name, () => policy.Check(context, settings).ToList());
                }

                var violations = Measure(Record, "evaluate (model, rules, screen)", () => session.Pack.AnalyzeStack(resources));
                Measure(Record, "response", () =>
                {
                    written.ResetWrittenCount();
                    new AnalyzeStackOutput(session.Pack.Pack, violations).WriteTo(written);
                    return written;
                });
                GC.KeepAlive(resources);
                Measure(Record, "whole", () =>
                {
                    written.ResetWrittenCount();
                    service.AnalyzeStack(AnalyzeStackInput.Decode(bytes, session.References)).Result.WriteTo(written);
                    return written;
                });
            }

            foreach (var group in session.Pack.AnalyzeStack(AnalyzeStackInput.Decode(bytes, session.References).Resources).GroupBy(v => v.Policy))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"violations {count} {group.Key} {group.Count()} {group.Sum(v => v.Message.Length)} chars"));
            }

            foreach (var phase in order)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"phase {count} {phase} {best[phase].Ms:F2} {best[phase].Bytes}"));
                foreach (var (type, sampled) in types?.Top(phase, 40) ?? [])
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {sampled / 1024,8} KiB sampled  {type}"));
                }
            }
        }
    }

    /// <summary>
    /// With <c>--steps</c>: the model build step by step (the graph's indexes, then each reader of
    /// NetworkModelBuilder.Run, called through reflection in Run's order; a development aid, so it names them).
    /// </summary>
    [DynamicDependency(DynamicallyAccessedMemberTypes.NonPublicConstructors | DynamicallyAccessedMemberTypes.NonPublicMethods, "FargateNetwork.Policies.Model.NetworkModelBuilder", "FargateNetwork.Policies")]
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The builder's steps are kept by the DynamicDependency above.")]
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "The builder's steps are kept by the DynamicDependency above.")]
    private static void ModelSteps(Action<string, double, long> record, IReadOnlyList<StackResource> resources)
    {
        var graph = Measure(record, "  model: graph", () => new ResourceGraph(resources));
        var builderType = typeof(NetworkModel).Assembly.GetType("FargateNetwork.Policies.Model.NetworkModelBuilder", throwOnError: true)!;
        var flags = System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance;
        var builder = builderType.GetConstructors(flags).Single().Invoke([graph]);
        foreach (var step in (string[])["AddVpcs", "AddSubnets", "AddInternetGateways", "AddNatGateways", "AddRouteTables", "AddAssociations", "AddRoutes", "AddPrefixLists",
                     "AddSecurityGroups", "AddEndpoints", "AddTaskDefinitions", "AddLogGroups", "VoteResourceRegions", "AddLoadBalancing", "AddPlacements", "AddEndpointServices", "VoteSubnetRegions"])
        {
            var method = builderType.GetMethod(step, flags) ?? throw new InvalidOperationException($"NetworkModelBuilder has no step {step}: update Phases.ModelSteps");
            object?[]? arguments = method.GetParameters().Length == 0 ? null : [new Dictionary<string, int>(StringComparer.Ordinal)]; // a side step's own votes
            Measure(record, $"  model: {step}", () => method.Invoke(builder, arguments));
        }
    }

    private static T Measure<T>(Action<string, double, long> record, string phase, Func<T> run)
    {
        GC.Collect();
        if (types is not null)
        {
            types.Phase = phase;
        }

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var collections = GC.CollectionCount(0);
        var watch = Stopwatch.StartNew();
        var result = run();
        watch.Stop();
        if (types is not null)
        {
            types.Phase = null;
        }

        if (GC.CollectionCount(0) > collections && Environment.GetEnvironmentVariable("PHASES_GC") is not null)
        {
            Console.Error.WriteLine($"{phase}: {GC.CollectionCount(0) - collections} collections");
        }

        record(phase, watch.Elapsed.TotalMilliseconds, GC.GetTotalAllocatedBytes(precise: true) - before);
        return result;
    }
}
