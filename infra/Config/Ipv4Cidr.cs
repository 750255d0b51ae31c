using System.Globalization;

namespace FargateNetwork.Infra;

/// <summary>An IPv4 CIDR block such as <c>10.0.0.0/16</c>, with its host bits zero.</summary>
internal readonly record struct Ipv4Cidr(uint Network, int Prefix)
{
    /// <summary>Number of addresses in the block.</summary>
    public ulong Size => 1UL << (32 - Prefix);

    public uint Last => (uint)(Network + Size - 1);

    /// <summary>Parses <paramref name="text"/>; returns an error sentence instead of throwing.</summary>
    public static bool TryParse(string text, out Ipv4Cidr cidr, out string error)
    {
        cidr = default;
        error = "";
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            error = "is not a CIDR block (expected a.b.c.d/n, e.g. 10.0.0.0/16)";
            return false;
        }

        var parts = text[..slash].Split('.');
        if (parts.Length != 4)
        {
            error = "is not a CIDR block (expected a.b.c.d/n, e.g. 10.0.0.0/16)";
            return false;
        }

        uint address = 0;
        foreach (var part in parts)
        {
            if (part.Length is 0 or > 3 || (part.Length > 1 && part[0] == '0') || !part.All(char.IsAsciiDigit) || !byte.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var octet))
            {
                error = "is not a CIDR block (each of the four numbers must be 0-255, without leading zeros)";
                return false;
            }

            address = (address << 8) | octet;
        }

        var prefixText = text[(slash + 1)..];
        if (prefixText.Length is 0 or > 2 || !prefixText.All(char.IsAsciiDigit) || !int.TryParse(prefixText, NumberStyles.None, CultureInfo.InvariantCulture, out var prefix) || prefix > 32)
        {
            error = "is not a CIDR block (the prefix length after / must be 0-32)";
            return false;
        }

        var mask = prefix == 0 ? 0u : uint.MaxValue << (32 - prefix);
        if ((address & ~mask) != 0)
        {
            error = $"has host bits set (did you mean {new Ipv4Cidr(address & mask, prefix)}?)";
            return false;
        }

        cidr = new Ipv4Cidr(address, prefix);
        return true;
    }

    public bool Overlaps(Ipv4Cidr other) => Network <= other.Last && other.Network <= Last;

    public bool Contains(Ipv4Cidr other) => Network <= other.Network && other.Last <= Last;

    /// <summary>The <paramref name="index"/>-th block of prefix <paramref name="newPrefix"/> inside this one.</summary>
    public Ipv4Cidr Subnet(int newPrefix, int index)
    {
        if (newPrefix < Prefix || newPrefix > 32)
        {
            throw new ArgumentOutOfRangeException(nameof(newPrefix));
        }

        var size = 1UL << (32 - newPrefix);
        var offset = (ulong)index * size;
        if (index < 0 || offset + size > Size)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        return new Ipv4Cidr((uint)(Network + offset), newPrefix);
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Network >> 24}.{(Network >> 16) & 255}.{(Network >> 8) & 255}.{Network & 255}/{Prefix}");
}
