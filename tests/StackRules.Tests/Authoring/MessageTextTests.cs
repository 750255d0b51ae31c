using System.Buffers;
using System.Text;

namespace StackRules.Tests.Authoring;

/// <summary>
/// <see cref="MessageText"/> held as a string, as UTF-8 and as parts is the same text: on random texts (ASCII, other
/// scripts, surrogate pairs, unpaired surrogates, long ones), split into parts anywhere (inside a surrogate pair too),
/// its string, UTF-8 length and bytes are those of the string written to the wire, texts are equal exactly when their
/// characters are, equal texts hash alike; and a violation made from any form is the same violation.
/// </summary>
public class MessageTextTests
{
    [Fact]
    public void BothFormsAreTheTextOfTheString()
    {
        var random = new Random(23);
        for (var i = 0; i < 5_000; i++)
        {
            var text = Text(random);
            var wire = Encoding.UTF8.GetBytes(text);
            var decoded = Encoding.UTF8.GetString(wire);
            var parts = Split(random, text);
            Assert.Equal(text, MessageText.Concat(parts).ToString());
            foreach (var message in new[] { MessageText.Of(text), MessageText.Utf8Of(text), MessageText.Concat(parts) })
            {
                var written = new ArrayBufferWriter<byte>();
                message.WriteUtf8(written);
                Assert.Equal(wire, written.WrittenSpan.ToArray());
                Assert.Equal(wire.Length, message.Utf8Length);
            }

            Assert.Equal(decoded, MessageText.Utf8Of(text).ToString());
            Assert.Equal(text, MessageText.Of(text).ToString());

            var other = Text(random);
            var pairs = new[]
            {
                (MessageText.Of(text), MessageText.Of(other), text == other),
                (MessageText.Utf8Of(text), MessageText.Utf8Of(other), decoded == Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(other))),
                (MessageText.Utf8Of(text), MessageText.Of(other), decoded == other),
                (MessageText.Utf8Of(text), MessageText.Of(text), decoded == text),
                (MessageText.Concat(parts), MessageText.Of(other), text == other),
                (MessageText.Concat(parts), MessageText.Of(text), true),
                (MessageText.Concat(parts), MessageText.Concat(Split(random, text)), true),
                (MessageText.Concat(parts), MessageText.Utf8Of(other), text == Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(other))),
                (MessageText.Concat(parts), MessageText.Concat(Split(random, other)), text == other),
            };
            foreach (var (a, b, equal) in pairs)
            {
                Assert.Equal(equal, a.Equals(b));
                Assert.Equal(equal, b.Equals(a));
                if (equal)
                {
                    Assert.Equal(a.GetHashCode(), b.GetHashCode());
                }
            }
        }
    }

    [Fact]
    public void AViolationIsTheSameWhateverItsMessageIsHeldAs()
    {
        var asString = new Violation("p", EnforcementLevel.Mandatory, "urn", "t", "n", "what \u00e9 and the fix");
        var asUtf8 = new Violation("p", EnforcementLevel.Mandatory, "urn", "t", "n", MessageText.Utf8Of("what \u00e9 and the fix"));
        Assert.Equal(asString, asUtf8);
        Assert.Equal(asString.GetHashCode(), asUtf8.GetHashCode());
        Assert.Equal("what \u00e9 and the fix", asUtf8.Message);
        Assert.NotEqual(asString, asUtf8 with { Message = "another" });
        Assert.Equal("another", (asUtf8 with { Message = "another" }).Text.ToString());
        var (_, _, _, _, _, message) = asUtf8;
        Assert.Equal(asString.Message, message);
    }

    /// <summary>The text cut at random places (none, or inside a surrogate pair, or into empty parts).</summary>
    internal static string[] Split(Random random, string text)
    {
        var cuts = Enumerable.Range(0, random.Next(0, 6)).Select(_ => random.Next(text.Length + 1)).Order().ToList();
        var parts = new List<string>();
        var at = 0;
        foreach (var cut in cuts)
        {
            parts.Add(text[at..cut]);
            at = cut;
        }

        parts.Add(text[at..]);
        return [.. parts];
    }

    private static string Text(Random random)
    {
        string[] pieces = ["a", "Z", " ", "\u00e9", "\u6f22", "\U0001F680", "\uD800", "\uDC00", "[secret]", "\n"];
        var text = new StringBuilder();
        var length = random.Next(5) == 0 ? random.Next(500, 3000) : random.Next(0, 12);
        for (var i = 0; i < length; i++)
        {
            text.Append(pieces[random.Next(random.Next(3) == 0 ? pieces.Length : 3)]);
        }

        return text.ToString();
    }
}
