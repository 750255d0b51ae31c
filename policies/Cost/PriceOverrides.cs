using StackRules.Inputs;
using System.Text.Json;

namespace FargateNetwork.Policies.Cost;

/// <summary>
/// <c>--prices FILE</c>: a JSON object of price keys (<see cref="PriceItems.Key"/>: <c>natGatewayHour</c>,
/// <c>natGatewayGb</c>, <c>interfaceEndpointHour</c>, <c>interfaceEndpointGb</c>, <c>publicIpv4Hour</c>,
/// <c>networkLoadBalancerHour</c>, <c>nlcuHour</c>, <c>applicationLoadBalancerHour</c>, <c>crossAzGb</c>,
/// <c>dataTransferOutGb</c>) to USD, each overriding the Region's figure; cost lines cite the file as the source.
/// </summary>
public sealed class PriceOverrides
{
    private readonly Dictionary<PriceItem, double> figures;
    private readonly string file;

    private PriceOverrides(string file, Dictionary<PriceItem, double> figures)
    {
        this.file = file;
        this.figures = figures;
    }

    public IReadOnlyDictionary<PriceItem, double> Figures => figures;

    public Prices Apply(Prices prices) =>
        figures.Aggregate(prices, (p, f) => p.With(f.Key, f.Value, $"--prices {file}"));

    /// <summary>Reads and checks the file. Throws <see cref="InputException"/> naming the file, line and key.</summary>
    public static PriceOverrides Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InputException($"{path}: cannot read the price file: {(e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message)}");
        }

        return Parse(path, text);
    }

    public static PriceOverrides Parse(string path, string text)
    {
        var keys = PriceItems.All.ToDictionary(PriceItems.Key, i => i, StringComparer.Ordinal);
        var figures = new Dictionary<PriceItem, double>();
        try
        {
            var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(text), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InputException($"{path}: the price file must be a JSON object of price keys to USD, e.g. {{\"natGatewayHour\": 0.045}}");
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!keys.TryGetValue(property.Name, out var item))
                {
                    throw new InputException($"{path}: unknown price key \"{property.Name}\" (keys: {string.Join(", ", keys.Keys)})");
                }

                if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetDouble(out var usd) || usd < 0 || !double.IsFinite(usd))
                {
                    throw new InputException($"{path}: price key \"{property.Name}\" must be a number of USD, 0 or more");
                }

                figures[item] = usd;
            }
        }
        catch (JsonException e)
        {
            throw new InputException($"{path}: invalid JSON in the price file at line {(e.LineNumber ?? 0) + 1}");
        }

        return new PriceOverrides(path, figures);
    }
}
