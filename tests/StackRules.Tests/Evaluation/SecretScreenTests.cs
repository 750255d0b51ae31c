using System.Text;

namespace StackRules.Tests.Evaluation;

public class SecretScreenTests
{
    [Fact]
    public void NothingCoveredIsTheSameString()
    {
        const string text = "no secret here";
        Assert.Same(text, new SecretScreen(["s3cr3t-token"]).Apply(text));
    }

    [Theory]
    [InlineData("token=s3cr3t-token.", "token=[secret].")]
    [InlineData("s3cr3t-token and s3cr3t-token", "[secret] and [secret]")]
    // Overlapping secrets: no part of either is left beside the mask.
    [InlineData("xabcdefgx", "x[secret]x")]
    // A secret too short to screen stays ("abc" is under the minimum length).
    [InlineData("abc", "abc")]
    public void CoveredRunsBecomeOneMask(string text, string expected) =>
        Assert.Equal(expected, new SecretScreen(["s3cr3t-token", "abcd", "cdefg", "abc"]).Apply(text));

    [Fact]
    public void ManySecretsAreScreenedInOnePass()
    {
        var secrets = Enumerable.Range(0, 2_000).Select(i => $"secret-value-{i:D5}").ToList();
        var screen = new SecretScreen(secrets);
        Assert.Equal(2_000, screen.Count);
        Assert.Equal("a [secret] b [secret] c", screen.Apply("a secret-value-01999 b secret-value-00000 c"));
    }

    /// <summary>
    /// Property: over random texts and secrets from a four-letter alphabet (so occurrences overlap, nest and touch),
    /// the screen equals the reference: mark every character inside any occurrence of any screened secret, then
    /// write each maximal marked run as one mask.
    /// </summary>
    [Fact]
    public void MatchesTheCoverageReferenceOnRandomTexts()
    {
        var random = new Random(20261130);
        for (var round = 0; round < 3_000; round++)
        {
            var secrets = Enumerable.Range(0, random.Next(1, 6)).Select(_ => Word(random, random.Next(2, 8))).ToList();
            var text = Word(random, random.Next(0, 60));
            Assert.Equal(Reference(text, secrets), new SecretScreen(secrets).Apply(text));
        }
    }

    /// <summary>
    /// Property: a message held as a string, as UTF-8 or as parts (<see cref="MessageText"/>) is screened as its text is, and
    /// stays the same object when nothing in it is covered (so no string is made for a UTF-8 message then).
    /// </summary>
    [Fact]
    public void MessagesAreScreenedAsTheirText()
    {
        var random = new Random(20261201);
        var untouched = 0;
        for (var round = 0; round < 3_000; round++)
        {
            var secrets = Enumerable.Range(0, random.Next(0, 4)).Select(_ => Word(random, random.Next(4, 7)) + "\u00e9").ToList();
            var text = Word(random, random.Next(0, 60)) + (random.Next(3) == 0 ? secrets.FirstOrDefault() ?? "" : "") + "\u6f22";
            var screen = new SecretScreen(secrets);
            var expected = screen.Apply(text);
            foreach (var message in new[] { MessageText.Of(text), MessageText.Utf8Of(text), MessageText.Concat(StackRules.Tests.Authoring.MessageTextTests.Split(random, text)) })
            {
                var screened = screen.Apply(message);
                Assert.Equal(expected, screened.ToString());
                Assert.Equal(ReferenceEquals(expected, text), ReferenceEquals(screened, message));
                untouched += ReferenceEquals(screened, message) ? 1 : 0;
            }
        }

        Assert.InRange(untouched, 700, 8_300);
    }

    private static string Word(Random random, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = "abcd"[random.Next(4)];
        }

        return new string(chars);
    }

    private static string Reference(string text, IReadOnlyList<string> secrets)
    {
        var covered = new bool[text.Length];
        foreach (var secret in secrets.Where(s => s.Length >= SecretScreen.MinScreenedLength))
        {
            for (var i = 0; i + secret.Length <= text.Length; i++)
            {
                if (string.CompareOrdinal(text, i, secret, 0, secret.Length) == 0)
                {
                    Array.Fill(covered, true, i, secret.Length);
                }
            }
        }

        var result = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (!covered[i])
            {
                result.Append(text[i]);
            }
            else if (i == 0 || !covered[i - 1])
            {
                result.Append(SecretScreen.Mask);
            }
        }

        return result.ToString();
    }
}
