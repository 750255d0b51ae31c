namespace StackRules.Tests.Evaluation;

/// <summary>
/// <see cref="ReportedPairs"/> against a set of (URN, message) tuples, the form it replaced: the same answer for every
/// pair, on sequences where URNs repeat, some URNs get far more messages than its list holds (so it moves to a set),
/// messages repeat under other URNs, some violations have no URN, and each message is held as a string or as UTF-8
/// or as parts at random (<see cref="MessageText"/>: the same text is the same message however it is held).
/// </summary>
public class ReportedPairsTests
{
    [Fact]
    public void AnswersAsASetOfPairs()
    {
        var random = new Random(17);
        for (var run = 0; run < 500; run++)
        {
            var pairs = new ReportedPairs();
            var reference = new HashSet<(string?, string)>();
            var urns = random.Next(1, 6);
            var messages = random.Next(1, 30);
            for (var i = 0; i < random.Next(1, 200); i++)
            {
                var urnIndex = random.Next(-1, urns);
                var urn = urnIndex < 0 ? null : $"urn:pulumi:dev::p::aws:ec2/subnet:Subnet::s{urnIndex}";
                var message = $"message {random.Next(messages)} \u00e9\u6f22";
                var text = random.Next(3) switch
                {
                    0 => MessageText.Of(message),
                    1 => MessageText.Utf8Of(message),
                    _ => MessageText.Concat(StackRules.Tests.Authoring.MessageTextTests.Split(random, message)),
                };
                Assert.Equal(reference.Add((urn, message)), pairs.Add(urn, text));
            }
        }
    }

    [Fact]
    public void AnEmptyUrnIsNotTheAbsentOne()
    {
        var pairs = new ReportedPairs();
        Assert.True(pairs.Add(null, MessageText.Of("m")));
        Assert.True(pairs.Add("", MessageText.Of("m")));
        Assert.False(pairs.Add(null, MessageText.Utf8Of("m")));
        Assert.False(pairs.Add("", MessageText.Of("m")));
    }

    [Fact]
    public void MessagesAreComparedAsText()
    {
        var pairs = new ReportedPairs();
        Assert.True(pairs.Add("u", MessageText.Of(new string('a', 3))));
        Assert.False(pairs.Add("u", MessageText.Of(string.Concat("a", "aa")))); // another string object, the same text
        Assert.False(pairs.Add("u", MessageText.Utf8Of("aaa"))); // the same text held as UTF-8
        Assert.True(pairs.Add("u", MessageText.Utf8Of("A" + "aa")));
    }
}
