namespace StackRules.Tests.Resources;

/// <summary>
/// <see cref="UrnsByType"/>'s answers without a list (<see cref="UrnsByType.CountOfType"/>,
/// <see cref="UrnsByType.NextOfType"/>, <see cref="UrnsByType.SingleTypeCount"/>, <see cref="UrnsByType.NextDistinct"/>)
/// are those of its list (<see cref="UrnsByType.OfType"/>), and that list is the distinct URNs of the type in first-seen order: on random dependency lists (repeated URNs, parent types in the URN,
/// a type that is a prefix of another), scanned and grouped (past <see cref="UrnsByType.ScanLimit"/>).
/// </summary>
public class UrnsByTypeTests
{
    private static readonly string[] Types = ["aws:ec2/subnet:Subnet", "aws:ec2/securityGroup:SecurityGroup", "aws:ec2/subnet:SubnetX", "aws:ecs/service:Service"];

    [Fact]
    public void EveryAnswerIsThatOfTheDistinctUrnsOfTheType()
    {
        var random = new Random(5);
        var grouped = 0;
        for (var i = 0; i < 3_000; i++)
        {
            var urns = new List<string>();
            var types = random.Next(3) == 0 ? 1 : Types.Length; // often one type only, for SingleTypeCount
            for (var n = random.Next(2 * UrnsByType.ScanLimit + 2); n > 0; n--)
            {
                urns.Add(urns.Count > 0 && random.Next(4) == 0 ? urns[random.Next(urns.Count)] : Urn(random, types));
            }

            grouped += urns.Count > UrnsByType.ScanLimit ? 1 : 0;
            var byType = new UrnsByType(urns);
            var distinct = urns.Distinct(StringComparer.Ordinal).ToList();
            var oneType = distinct.Count > 0 && distinct.All(u => global::StackRules.Urn.Type(u) == global::StackRules.Urn.Type(distinct[0]));
            Assert.Equal(oneType ? distinct.Count : -1, byType.SingleTypeCount());
            var all = new List<string>();
            var at = 0;
            while (byType.NextDistinct(ref at) is { } next)
            {
                all.Add(next);
            }

            Assert.Equal(distinct, all);
            foreach (var type in Types)
            {
                var expected = urns.Where(u => global::StackRules.Urn.Type(u) == type).Distinct(StringComparer.Ordinal).ToList();
                var text = $"{string.Join(" ", urns)} / {type}";
                Assert.True(expected.SequenceEqual(byType.OfType(type)), text);
                Assert.Equal((expected.Count, expected.FirstOrDefault()), (byType.CountOfType(type, out var first), first));
                var read = new List<string>();
                var position = 0;
                while (byType.NextOfType(type, ref position) is { } next)
                {
                    read.Add(next);
                }

                Assert.True(expected.SequenceEqual(read), text);
            }
        }

        Assert.True(grouped > 500, $"only {grouped} lists were grouped");
    }

    private static string Urn(Random random, int types)
    {
        var type = Types[random.Next(types)];
        var qualified = random.Next(3) == 0 ? $"awsx:ec2:Vpc${type}" : type;
        return $"urn:pulumi:s::p::{qualified}::r{random.Next(6)}";
    }
}
