using System.Text;
using StackRules.Host.Analyzer;

namespace FargateNetwork.Analyzer.Tests;

/// <summary>
/// The string pool's comparer finds a string by its UTF-8 bytes: a string and any bytes that decode to it (ASCII,
/// other scripts, invalid bytes decoded to U+FFFD, short and past the stack buffers) hash alike and are equal, and
/// bytes that decode to another string are not equal to it.
/// </summary>
public sealed class Utf8KeyComparerTests
{
    private static readonly Utf8KeyComparer Comparer = Utf8KeyComparer.Instance;

    [Fact]
    public void BytesAndTheStringTheyDecodeToHashAlikeAndAreEqual()
    {
        var random = new Random(51);
        var nonAscii = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var bytes = RandomBytes(random);
            var text = Encoding.UTF8.GetString(bytes);
            nonAscii += bytes.Any(b => b >= 0x80) ? 1 : 0;
            Assert.Equal(Comparer.GetHashCode(text), Comparer.GetHashCode((ReadOnlySpan<byte>)bytes));
            Assert.True(Comparer.Equals(bytes, text));
            Assert.Equal(text, Comparer.Create(bytes));

            // Bytes of another string: equal only when they decode to the same one (distinct invalid bytes may).
            var other = RandomBytes(random);
            Assert.Equal(Encoding.UTF8.GetString(other) == text, Comparer.Equals(other, text));
            var changed = (byte[])bytes.Clone();
            if (changed.Length > 0)
            {
                changed[random.Next(changed.Length)] ^= (byte)(1 << random.Next(8));
                Assert.Equal(Encoding.UTF8.GetString(changed) == text, Comparer.Equals(changed, text));
            }
        }

        Assert.True(nonAscii > 5_000, $"{nonAscii} non-ASCII cases: the test does not test them");
    }

    [Fact]
    public void AsciiHashesSpreadOverATable()
    {
        // URN-like keys that differ in one place: their hashes are distinct but for chance (32 bits, seeded per process:
        // 50,000 random hashes share one in about a quarter of runs, four or more almost never) and fill a table's
        // buckets evenly.
        var hashes = Enumerable.Range(0, 50_000).Select(i => Comparer.GetHashCode($"urn:pulumi:dev::app::aws:ec2/subnet:Subnet::task-{i % 7}-{i}")).ToList();
        Assert.True(hashes.Distinct().Count() >= hashes.Count - 3, $"{hashes.Count - hashes.Distinct().Count()} hashes shared: the hash loses bits");
        var buckets = hashes.GroupBy(h => (uint)h % 65_521).Max(g => g.Count());
        Assert.True(buckets < 10, $"a bucket of {buckets}: the hash clusters");
    }

    private static byte[] RandomBytes(Random random)
    {
        var length = random.Next(4) == 0 ? random.Next(200, 700) : random.Next(0, 40);
        return random.Next(3) switch
        {
            0 => [.. Enumerable.Range(0, length).Select(_ => (byte)random.Next(0x20, 0x7F))],
            1 => Encoding.UTF8.GetBytes(new string([.. Enumerable.Range(0, length / 2).Select(_ => "aZ:/ü漢€𝄞"[random.Next(8)])])),
            _ => [.. Enumerable.Range(0, length).Select(_ => (byte)(random.Next(5) == 0 ? random.Next(0x80, 0x100) : random.Next(0x20, 0x7F)))],
        };
    }
}
