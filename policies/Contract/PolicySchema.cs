using System.Text.Json.Nodes;

namespace FargateNetwork.Policies.Contract;

/// <summary>
/// The config schemas of the Fargate network policies: StackRules' <see cref="ConfigSchema"/> builders with the
/// pack's own bounds (numbers at most <see cref="MaxNumber"/>, CIDR lists of IPv4 blocks).
/// </summary>
public static class PolicySchema
{
    /// <summary>
    /// The largest number a property may hold: the cost estimates multiply up to three config numbers (pulls per day,
    /// image size, a price) by 30 days, and the product must stay within <see cref="decimal"/>'s range (7.9e28).
    /// </summary>
    public const double MaxNumber = 1e9;

    /// <summary>An IPv4 address with an optional prefix length, octets 0-255 and prefix 0-32, the whole text.</summary>
    public const string Ipv4CidrPattern =
        @"^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(/(3[0-2]|[12]?[0-9]))?$";

    public static JsonObject Empty() => ConfigSchema.Empty();

    public static JsonObject Of(params (string Name, JsonObject Schema)[] properties) => ConfigSchema.Of(properties);

    public static JsonObject Number(string description, double @default, double minimum = 0) =>
        Bounded(ConfigSchema.Number(description, @default, minimum));

    public static JsonObject OptionalNumber(string description, double minimum = 0) =>
        Bounded(ConfigSchema.OptionalNumber(description, minimum));

    public static JsonObject Text(string description, string? @default = null) => ConfigSchema.Text(description, @default);

    /// <summary>A list of IPv4 CIDR blocks.</summary>
    public static JsonObject CidrList(string description) => ConfigSchema.TextList(description, Ipv4CidrPattern);

    private static JsonObject Bounded(JsonObject schema)
    {
        schema["maximum"] = MaxNumber;
        return schema;
    }
}

/// <summary>The pack's typed reads of policy settings.</summary>
public static class PolicySettingsCidrs
{
    /// <summary>A list property of IPv4 CIDR blocks (items that are not blocks are skipped).</summary>
    public static IReadOnlyList<Ipv4Cidr> Cidrs(this PolicySettings settings, string name) =>
        settings.TextList(name).Select(s => Ipv4Cidr.TryParse(s, out var c) ? (Ipv4Cidr?)c : null).OfType<Ipv4Cidr>().ToList();
}
