using FargateNetwork.Aws;
using FargateNetwork.Policies.Model;
using FargateNetwork.Policies.Pack;
using FargateNetwork.Policies.Reachability;
using FargateNetwork.Policies.Tests.Corpus;

namespace FargateNetwork.Policies.Tests.Reachability;

/// <summary>
/// The paths kept per placement and subnet (<see cref="PlacementPaths"/>) answer as the analysis answers afresh: on
/// every corpus stack and all of them at once, for every task subnet and destination (the same instance, an equal one, and one in another
/// Region), asked in a random order and asked again; a placement the model did not make is answered too.
/// </summary>
public class PlacementPathsTests
{
    [Fact]
    public void KeptPathsAreThePathsFoundAfresh()
    {
        var random = new Random(31);
        var asked = 0;
        var stacks = CorpusCase.Stacks().ToList();
        stacks.Add([.. stacks.SelectMany(s => s)]); // all at once: placements whose paths differ, in one model
        foreach (var resources in stacks)
        {
            var model = NetworkModel.Build(resources);
            var analysis = new ReachabilityAnalysis(model);
            var questions = (
                from placement in model.Placements
                from subnet in placement.Subnets
                from destination in Destinations()
                select (placement, subnet, destination)).ToList();
            var first = new Dictionary<(TaskPlacement, Subnet, Destination), NetworkPath>();
            foreach (var (placement, subnet, destination) in questions.Concat(questions).OrderBy(_ => random.Next()))
            {
                var path = analysis.Find(placement, subnet, destination);
                Assert.Equal(new ReachabilityAnalysis(model).Find(placement, subnet, destination), path);
                if (first.TryGetValue((placement, subnet, destination), out var earlier))
                {
                    Assert.Same(earlier, path);
                }
                else
                {
                    first[(placement, subnet, destination)] = path;
                }

                asked++;
            }
        }

        Assert.True(asked > 1_000, $"only {asked} questions: the corpus has too few task subnets");
    }

    [Fact]
    public void APlacementTheModelDidNotMakeIsAnsweredToo()
    {
        var resources = CorpusCase.Stacks().First(r => NetworkModel.Build(r).Placements.Count > 0);
        var model = NetworkModel.Build(resources);
        var built = model.Placements[0];
        var copy = new TaskPlacement(built.Resource) { LaunchType = built.LaunchType, TaskDefinition = built.TaskDefinition };
        copy.Subnets.AddRange(built.Subnets);
        copy.SecurityGroups.AddRange(built.SecurityGroups);
        var analysis = new ReachabilityAnalysis(model);
        foreach (var destination in Destinations())
        {
            var path = analysis.Find(copy, copy.Subnets[0], destination);
            Assert.Equal(analysis.Find(built, built.Subnets[0], destination), path);
            Assert.Same(path, analysis.Find(copy, copy.Subnets[0], destination));
        }
    }

    private static IEnumerable<Destination> Destinations()
    {
        yield return Destination.Internet;
        yield return Destination.Internet with { }; // equal, not the same instance
        foreach (var service in Destination.ReportedServices)
        {
            yield return Destination.ForService(service);
        }

        yield return Destination.ForService(Destination.SecretsManager, "ap-northeast-1");
        yield return Destination.FixedEgress(Ipv4Cidr.Parse("203.0.113.10/32"));
    }
}
