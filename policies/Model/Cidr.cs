using System.Globalization;

namespace FargateNetwork.Policies.Model;

/// <summary>
/// An IPv4 CIDR block such as <c>10.0.1.0/24</c>: the network address (host bits cleared) and the prefix length.
/// Route tables pick the most specific route whose block contains the destination (longest-prefix match).
/// </summary>
public readonly record struct Cidr
{
    private Cidr(uint network, int prefixLength)
    {
        Network = network;
        PrefixLength = prefixLength;
    }

    /// <summary>The network address as a 32-bit number, host bits zero.</summary>
    public uint Network { get; }

    /// <summary>0 to 32.</summary>
    public int PrefixLength { get; }

    /// <summary>All IPv4 addresses: the default route's destination.</summary>
    public static Cidr Any { get; } = new(0, 0);

    public uint Mask => PrefixLength == 0 ? 0u : uint.MaxValue << (32 - PrefixLength);

    public static Cidr Create(uint address, int prefixLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(prefixLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(prefixLength, 32);
        var mask = prefixLength == 0 ? 0u : uint.MaxValue << (32 - prefixLength);
        return new Cidr(address & mask, prefixLength);
    }

    /// <summary>
    /// Parses <c>a.b.c.d/n</c> (a bare address means <c>/32</c>). Host bits are cleared, as AWS does for route
    /// destinations. Returns false for anything else, IPv6 included.
    /// </summary>
    public static bool TryParse(string? text, out Cidr cidr)
    {
        cidr = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        var prefix = 32;
        var slash = span.IndexOf('/');
        if (slash >= 0)
        {
            if (!int.TryParse(span[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > 32)
            {
                return false;
            }

            span = span[..slash];
        }

        uint address = 0;
        var octets = 0;
        foreach (var part in span.ToString().Split('.'))
        {
            if (part.Length is 0 or > 3 || !int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var octet) || octet > 255)
            {
                return false;
            }

            address = (address << 8) | (uint)octet;
            octets++;
        }

        if (octets != 4)
        {
            return false;
        }

        cidr = Create(address, prefix);
        return true;
    }

    public static Cidr Parse(string text) =>
        TryParse(text, out var cidr) ? cidr : throw new FormatException($"'{text}' is not an IPv4 CIDR block such as 10.0.0.0/16");

    /// <summary>True when every address of <paramref name="other"/> is in this block.</summary>
    public bool Contains(Cidr other) => other.PrefixLength >= PrefixLength && (other.Network & Mask) == Network;

    public bool Contains(uint address) => (address & Mask) == Network;

    /// <summary>True when the two blocks share at least one address.</summary>
    private static readonly Cidr[] PrivateBlocks = [new(0x0A000000, 8), new(0xAC100000, 12), new(0xC0A80000, 16), new(0x64400000, 10)];

    /// <summary>True for a block inside RFC 1918 or the shared 100.64.0.0/10 space (VPC addresses).</summary>
    public static bool IsPrivate(Cidr block) => PrivateBlocks.Any(p => p.Contains(block));

    public bool Overlaps(Cidr other) => Contains(other) || other.Contains(this);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Network >> 24}.{(Network >> 16) & 255}.{(Network >> 8) & 255}.{Network & 255}/{PrefixLength}");
}
