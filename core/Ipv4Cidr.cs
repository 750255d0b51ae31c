using System.Globalization;

namespace FargateNetwork.Aws;

/// <summary>
/// An IPv4 CIDR block such as <c>10.0.1.0/24</c>: the network address (host bits zero) and the prefix length.
/// Two ways in: <see cref="TryParseStrict"/> for what a user writes in config (the whole string, four numbers 0-255
/// without leading zeros, a prefix 0-32, no host bits, with a sentence saying what is wrong), and
/// <see cref="TryParse"/> for what a stack already holds (surrounding white space, a bare address as <c>/32</c>,
/// host bits cleared as AWS does for route destinations).
/// </summary>
public readonly record struct Ipv4Cidr
{
    private Ipv4Cidr(uint network, int prefixLength)
    {
        Network = network;
        PrefixLength = prefixLength;
    }

    /// <summary>The network address as a 32-bit number, host bits zero.</summary>
    public uint Network { get; }

    /// <summary>0 to 32.</summary>
    public int PrefixLength { get; }

    private static readonly Ipv4Cidr[] PrivateBlocks = [new(0x0A000000, 8), new(0xAC100000, 12), new(0xC0A80000, 16), new(0x64400000, 10)];

    /// <summary>All IPv4 addresses: the default route's destination.</summary>
    public static Ipv4Cidr Any { get; } = new(0, 0);

    public uint Mask => MaskOf(PrefixLength);

    /// <summary>Number of addresses in the block.</summary>
    public ulong Size => 1UL << (32 - PrefixLength);

    /// <summary>The last address of the block.</summary>
    public uint Last => (uint)(Network + Size - 1);

    /// <summary>The block of <paramref name="prefixLength"/> that holds <paramref name="address"/>.</summary>
    public static Ipv4Cidr Create(uint address, int prefixLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(prefixLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(prefixLength, 32);
        return new Ipv4Cidr(address & MaskOf(prefixLength), prefixLength);
    }

    /// <summary>
    /// Parses a block a user wrote: exactly <c>a.b.c.d/n</c>, nothing before or after. Returns false with a sentence
    /// (to follow the value's name in a message) instead of throwing.
    /// </summary>
    public static bool TryParseStrict(string? text, out Ipv4Cidr cidr, out string error)
    {
        cidr = default;
        const string Shape = "is not a CIDR block (expected a.b.c.d/n, e.g. 10.0.0.0/16)";
        if (string.IsNullOrEmpty(text))
        {
            error = Shape;
            return false;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !TryParseAddress(text.AsSpan(0, slash), strict: true, out var address))
        {
            error = slash < 0 || text[..slash].Split('.').Length != 4 ? Shape
                : "is not a CIDR block (each of the four numbers must be 0-255, without leading zeros)";
            return false;
        }

        var prefixText = text.AsSpan(slash + 1);
        var prefix = prefixText.Length is 0 or > 2 || !IsDigits(prefixText) ? -1
            : int.Parse(prefixText, NumberStyles.None, CultureInfo.InvariantCulture);
        if (prefix is < 0 or > 32 || (prefixText.Length > 1 && prefixText[0] == '0'))
        {
            error = "is not a CIDR block (the prefix length after / must be 0-32)";
            return false;
        }

        if ((address & ~MaskOf(prefix)) != 0)
        {
            error = $"has host bits set (did you mean {Create(address, prefix)}?)";
            return false;
        }

        cidr = new Ipv4Cidr(address, prefix);
        error = "";
        return true;
    }

    /// <summary>
    /// Parses a block a stack holds: <c>a.b.c.d/n</c> or a bare address (<c>/32</c>), white space around it allowed,
    /// host bits cleared. False for anything else, IPv6 included.
    /// </summary>
    public static bool TryParse(string? text, out Ipv4Cidr cidr)
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
            var prefixText = span[(slash + 1)..];
            if (prefixText.Length is 0 or > 2 || !IsDigits(prefixText))
            {
                return false;
            }

            prefix = int.Parse(prefixText, NumberStyles.None, CultureInfo.InvariantCulture);
            if (prefix > 32)
            {
                return false;
            }

            span = span[..slash];
        }

        if (!TryParseAddress(span, strict: false, out var address))
        {
            return false;
        }

        cidr = Create(address, prefix);
        return true;
    }

    /// <summary>Parses with <see cref="TryParse"/> or throws <see cref="FormatException"/>.</summary>
    public static Ipv4Cidr Parse(string text) =>
        TryParse(text, out var cidr) ? cidr : throw new FormatException($"'{text}' is not an IPv4 CIDR block such as 10.0.0.0/16");

    /// <summary>True when every address of <paramref name="other"/> is in this block.</summary>
    public bool Contains(Ipv4Cidr other) => other.PrefixLength >= PrefixLength && (other.Network & Mask) == Network;

    public bool Contains(uint address) => (address & Mask) == Network;

    /// <summary>True for a block inside RFC 1918 space or the shared 100.64.0.0/10 space (addresses a VPC may use).</summary>
    public static bool IsPrivate(Ipv4Cidr block)
    {
        foreach (var p in PrivateBlocks)
        {
            if (p.Contains(block))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the two blocks share at least one address.</summary>
    public bool Overlaps(Ipv4Cidr other) => Contains(other) || other.Contains(this);

    /// <summary>The <paramref name="index"/>-th block of prefix <paramref name="newPrefix"/> inside this one.</summary>
    public Ipv4Cidr Subnet(int newPrefix, int index)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(newPrefix, PrefixLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(newPrefix, 32);
        var size = 1UL << (32 - newPrefix);
        var offset = (ulong)index * size;
        if (index < 0 || offset + size > Size)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        return new Ipv4Cidr((uint)(Network + offset), newPrefix);
    }

    public override string ToString() => Network == 0 && PrefixLength == 0 ? "0.0.0.0/0" : // the default route, in most messages
        string.Create(CultureInfo.InvariantCulture, $"{Network >> 24}.{(Network >> 16) & 255}.{(Network >> 8) & 255}.{Network & 255}/{PrefixLength}");

    private static uint MaskOf(int prefixLength) => prefixLength == 0 ? 0u : uint.MaxValue << (32 - prefixLength);

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryParseAddress(ReadOnlySpan<char> text, bool strict, out uint address)
    {
        address = 0;
        var octets = 0;
        while (true)
        {
            var dot = text.IndexOf('.');
            var part = dot < 0 ? text : text[..dot];
            if (part.Length is 0 or > 3 || !IsDigits(part) || (strict && part.Length > 1 && part[0] == '0'))
            {
                return false;
            }

            var octet = int.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture);
            if (octet > 255 || ++octets > 4)
            {
                return false;
            }

            address = (address << 8) | (uint)octet;
            if (dot < 0)
            {
                return octets == 4;
            }

            text = text[(dot + 1)..];
        }
    }
}
