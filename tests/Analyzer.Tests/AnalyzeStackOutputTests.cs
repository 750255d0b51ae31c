using StackRules.Host.Analyzer;
using StackRules.Host.Analyzer.Protocol;
using Google.Protobuf;
using PackLevel = StackRules.EnforcementLevel;

namespace FargateNetwork.Analyzer.Tests;

/// <summary>
/// The hand-written <c>AnalyzeStack</c> response against the message it replaces (an <c>AnalyzeResponse</c> of
/// <see cref="AnalyzerService.Diagnostic"/>s written by Google.Protobuf): the same bytes, for every level, policies
/// with and without a description, empty fields, multi-byte and unpaired UTF-16 text, and messages long enough for
/// multi-byte lengths; each message held as a string, as UTF-8 or as parts (<see cref="StackRules.MessageText"/>), the
/// expected message built from its string.
/// </summary>
public sealed class AnalyzeStackOutputTests
{
    private static readonly StackRules.PolicyPack Pack = new(
        "output-test",
        "1.2.3",
        [
            new StackRules.StackPolicy("described", "A description with ü and \U0001F680."),
            new StackRules.StackPolicy("undescribed", ""),
        ]);

    [Fact]
    public void WritesTheBytesGoogleProtobufWrites()
    {
        var random = new Random(7);
        string[] texts = ["", "x", "ü \U0001F680 \uD800 end", new string('m', 200), new string('é', 5000), "line\nbreak"];
        PackLevel[] levels = [PackLevel.Advisory, PackLevel.Mandatory, PackLevel.Remediate, PackLevel.Disabled];
        string[] policies = ["described", "undescribed", "not-in-the-pack", ""];
        for (var round = 0; round < 200; round++)
        {
            var violations = Enumerable.Range(0, random.Next(0, 6))
                .Select(_ => (Text: texts[random.Next(texts.Length)], Violation: new StackRules.Violation(
                    policies[random.Next(policies.Length)],
                    levels[random.Next(levels.Length)],
                    texts[random.Next(texts.Length)],
                    "aws:ec2/vpc:Vpc",
                    "vpc",
                    "")))
                .Select(v => v.Violation with
                {
                    Text = random.Next(3) switch
                    {
                        0 => StackRules.MessageText.Of(v.Text),
                        1 => StackRules.MessageText.Utf8Of(v.Text),
                        _ => StackRules.MessageText.Concat([v.Text[..(v.Text.Length / 3)], v.Text[(v.Text.Length / 3)..]]),
                    },
                })
                .ToList();
            var expected = new AnalyzeResponse();
            expected.Diagnostics.AddRange(violations.Where(v => v.Level != PackLevel.Disabled).Select(v => AnalyzerService.Diagnostic(Pack, v)));

            var output = new AnalyzeStackOutput(Pack, violations);
            Assert.Equal(expected.CalculateSize(), output.CalculateSize());
            Assert.Equal(expected.ToByteArray(), output.ToByteArray());
            Assert.Equal(AnalyzeResponse.Parser.ParseFrom(expected.ToByteArray()), output.ToResponse());
        }
    }
}
