using FargateNetwork.Aws;
using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Model;
using FargateNetwork.Policies.Pack;
using FargateNetwork.Policies.Tests.Corpus;

namespace FargateNetwork.Policies.Tests.Contract;

/// <summary>
/// What a context keeps for the rules: each placement's needs, kept by its position in the model, are the needs a
/// fresh context finds (on every corpus stack and all of them at once, asked in a random order and again, under two
/// default platform versions), and a placement the model did not make is answered too.
/// </summary>
public class PolicyContextTests
{
    [Fact]
    public void KeptNeedsAreTheNeedsFoundAfresh()
    {
        var random = new Random(41);
        var stacks = CorpusCase.Stacks().ToList();
        stacks.Add([.. stacks.SelectMany(s => s)]);
        var asked = 0;
        foreach (var resources in stacks)
        {
            var model = NetworkModel.Build(resources);
            foreach (var version in new[] { "LATEST", "1.3.0" })
            {
                var context = new PolicyContext(model, version);
                var first = new Dictionary<TaskPlacement, IReadOnlyList<TaskNeed>>(ReferenceEqualityComparer.Instance);
                foreach (var placement in model.Placements.Concat(model.Placements).OrderBy(_ => random.Next()))
                {
                    var needs = context.NeedsOf(placement);
                    Assert.Equal(new PolicyContext(model, version).NeedsOf(placement), needs);
                    if (first.TryGetValue(placement, out var earlier))
                    {
                        Assert.Same(earlier, needs);
                    }
                    else
                    {
                        first[placement] = needs;
                    }

                    asked++;
                }
            }
        }

        Assert.True(asked > 200, $"only {asked} questions: the corpus has too few placements");
    }

    [Fact]
    public void APlacementTheModelDidNotMakeIsAnsweredToo()
    {
        var model = CorpusCase.Stacks().Select(NetworkModel.Build).First(m => m.Placements.Any(p => p.TaskDefinition is not null));
        var built = model.Placements.First(p => p.TaskDefinition is not null);
        var copy = new TaskPlacement(built.Resource)
        {
            LaunchType = built.LaunchType,
            PlatformVersion = built.PlatformVersion,
            TaskDefinition = built.TaskDefinition,
            EnableExecuteCommand = built.EnableExecuteCommand,
            ServiceConnect = built.ServiceConnect,
        };
        var context = new PolicyContext(model);
        Assert.Equal(context.NeedsOf(built), context.NeedsOf(copy));
        Assert.NotEmpty(context.NeedsOf(copy));
    }
}
