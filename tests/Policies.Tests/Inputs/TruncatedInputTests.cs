using FargateNetwork.Policies.Pack;
using StackRules.Inputs;

namespace FargateNetwork.Policies.Tests.Inputs;

/// <summary>Every prefix of a real input is either read or rejected with an <see cref="InputException"/>: no other exception, ever.</summary>
public class TruncatedInputTests
{
    [Theory]
    [InlineData("broken-template.yaml")]
    [InlineData("broken-stack-export.json")]
    [InlineData("broken-preview.json")]
    [InlineData("broken-preview-create.json")]
    [InlineData("secret-values.yaml")]
    public void EveryPrefixIsReadOrRejectedCleanly(string fixture)
    {
        var text = File.ReadAllText(Read.Fixture(fixture));
        var rejected = 0;
        for (var length = 0; length < text.Length; length += 31)
        {
            try
            {
                StackInput.Parse(text[..length], "cut", "cut", FargatePack.References);
            }
            catch (InputException e)
            {
                Assert.StartsWith("cut: ", e.Message, StringComparison.Ordinal);
                Assert.DoesNotContain("Hunter2-Plaintext-7f3a", e.Message, StringComparison.Ordinal);
                rejected++;
            }
        }

        Assert.True(rejected > 0);
    }
}
