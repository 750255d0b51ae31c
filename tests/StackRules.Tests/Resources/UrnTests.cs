using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace StackRules.Tests.Resources;

public class UrnTests
{
    private const string Vpc = "urn:pulumi:s::p::aws:ec2/vpc:Vpc::vpc";
    private const string SubnetA = "urn:pulumi:s::p::awsx:ec2:Vpc$aws:ec2/vpc:Vpc$aws:ec2/subnet:Subnet::a";
    private const string Sg = "urn:pulumi:s::p::aws:ec2/securityGroup:SecurityGroup::sg";

    [Fact]
    public void APlainUrnHasItsFourParts()
    {
        const string urn = "urn:pulumi:dev::orders::aws:ec2/vpc:Vpc::main";
        Assert.Equal(("dev", "orders", "aws:ec2/vpc:Vpc", "aws:ec2/vpc:Vpc", "main"), (Urn.Stack(urn), Urn.Project(urn), Urn.QualifiedType(urn), Urn.Type(urn), Urn.Name(urn)));
        Assert.Empty(Urn.ParentTypes(urn));
    }

    [Fact]
    public void AChildsQualifiedTypeNamesItsParentsOutermostFirst()
    {
        Assert.Equal("aws:ec2/subnet:Subnet", Urn.Type(SubnetA));
        Assert.Equal(["awsx:ec2:Vpc", "aws:ec2/vpc:Vpc"], Urn.ParentTypes(SubnetA));
        Assert.Equal("a", Urn.Name(SubnetA));
    }

    [Fact]
    public void TheNameIsEverythingAfterTheThirdDelimiter() =>
        Assert.Equal("queue::a::b", Urn.Name("urn:pulumi:dev::app::aws:sqs/queue:Queue::queue::a::b"));

    [Theory]
    [InlineData("not-a-urn")]
    [InlineData("urn:pulumi:s::p")]
    [InlineData("")]
    public void AStringThatIsNoUrnIsItsOwnNameWithNoType(string text)
    {
        Assert.Equal(("", "", "", "", text), (Urn.Stack(text), Urn.Project(text), Urn.QualifiedType(text), Urn.Type(text), Urn.Name(text)));
        Assert.Empty(Urn.ParentTypes(text));
    }

    [Fact]
    public void TypeIsTheLastPartOfTheQualifiedType()
    {
        Assert.Equal("aws:ec2/subnet:Subnet", Urn.Type(SubnetA));
        Assert.Equal("aws:ec2/vpc:Vpc", Urn.Type(Vpc));
        Assert.Equal("", Urn.Type("not-a-urn"));
    }

    [Fact]
    public void HasTypeAgreesWithType()
    {
        foreach (var urn in new[] { SubnetA, Vpc, Sg, "not-a-urn", "urn:pulumi:s::p::", "urn:pulumi:s::p::a$::n", "a:::b::c::d", "" })
        {
            foreach (var type in new[] { "aws:ec2/subnet:Subnet", "aws:ec2/vpc:Vpc", "", "aws:ec2/securityGroup:SecurityGroup" })
            {
                Assert.Equal(Urn.Type(urn) == type && type.Length > 0, Urn.HasType(urn, type) && type.Length > 0);
                Assert.Equal(Urn.Type(urn), Urn.TypeSpan(urn).ToString());
            }
        }
    }

    [Fact]
    public void StringsThatShareAHeadSplitAsEachAlone()
    {
        // Strings of colons and letters, many starting alike (each thread keeps the head of the last one split): in
        // random order, each splits as a search of its own delimiters does.
        var random = new Random(41);
        var heads = Enumerable.Range(0, 12).Select(_ => Noise(random, random.Next(0, 14))).ToList();
        for (var i = 0; i < 20_000; i++)
        {
            var text = heads[random.Next(heads.Count)] + Noise(random, random.Next(0, 12));
            var (first, second, third) = Delimiters(text);
            var name = third < 0 ? text : text[(third + 2)..];
            var qualified = third < 0 ? "" : text[(second + 2)..third];
            Assert.Equal(name, Urn.Name(text));
            Assert.Equal(qualified, Urn.QualifiedType(text));
            Assert.Equal(third < 0 ? "" : text[..first], Urn.Stack(text));
            Assert.Equal(third < 0 ? "" : text[(first + 2)..second], Urn.Project(text));
        }

        static string Noise(Random random, int length) => new([.. Enumerable.Range(0, length).Select(_ => ":::ab$"[random.Next(6)])]);

        static (int, int, int) Delimiters(string text)
        {
            var found = new List<int>();
            for (var i = 0; i + 1 < text.Length && found.Count < 3; i++)
            {
                if (text[i] == ':' && text[i + 1] == ':')
                {
                    found.Add(i);
                    i++;
                }
            }

            return found.Count == 3 ? (found[0], found[1], found[2]) : (-1, -1, -1);
        }
    }

    [Property]
    public Property CreateThenReadGivesThePartsBack(NonEmptyString stack, NonEmptyString project, NonEmptyString name)
    {
        var (s, p, n) = (Clean(stack.Get), Clean(project.Get), name.Get);
        var urn = Urn.Create(s, p, "aws:ecs/cluster:Cluster$aws:ecs/service:Service", n);
        return (Urn.Stack(urn) == s && Urn.Project(urn) == p && Urn.Type(urn) == "aws:ecs/service:Service"
            && Urn.ParentTypes(urn).SequenceEqual(["aws:ecs/cluster:Cluster"]) && Urn.Name(urn) == n).ToProperty();
    }

    /// <summary>A stack or project name: Pulumi allows no <c>:</c> in either.</summary>
    private static string Clean(string text) => text.Replace(":", "", StringComparison.Ordinal) is { Length: > 0 } clean ? clean : "x";
}
