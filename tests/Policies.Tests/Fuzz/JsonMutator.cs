using System.Text.Json.Nodes;
using StackRules.Inputs;

namespace FargateNetwork.Policies.Tests.Fuzz;

/// <summary>
/// Mutations of a JSON document's structure (stack exports, previews, policy configs): a node deleted, replaced by a
/// value of another kind, a secret, the unknown sentinel, a resource reference, deep nesting or a large value;
/// duplicated; or its key given twice. Deterministic for a given <see cref="Random"/>.
/// </summary>
internal static class JsonMutator
{
    /// <summary>A secret plaintext the mutations plant inside secret forms only: no output may print it.</summary>
    public const string Planted = "Planted-Secret-Q9z4";

    public static string Mutate(string json, Random random, bool preview)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return TextMutator.Mutate(json, random);
        }

        if (root is null)
        {
            return json;
        }

        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        var rounds = 1 + random.Next(3);
        var duplicateKey = false;
        for (var i = 0; i < rounds && nodes.Count > 1; i++)
        {
            var node = nodes[1 + random.Next(nodes.Count - 1)];
            if (node.Parent is null)
            {
                continue;
            }

            var kind = random.Next(9);
            if (kind == 8 && node.Parent is JsonObject)
            {
                duplicateKey = true;
                continue;
            }

            var replacement = kind switch
            {
                0 => null,
                1 => JsonValue.Create(random.Next(3) == 0 ? PulumiSignatures.UnknownSentinel : "x" + random.Next(1000)),
                2 => JsonValue.Create(random.NextDouble() * Math.Pow(10, random.Next(-5, 300))),
                3 => preview
                    ? new JsonObject { [PulumiSignatures.Key] = PulumiSignatures.Secret, ["value"] = Planted }
                    : new JsonObject { [PulumiSignatures.Key] = PulumiSignatures.Secret, ["plaintext"] = $"\"{Planted}\"" },
                4 => new JsonObject { [PulumiSignatures.Key] = PulumiSignatures.ResourceReference, ["urn"] = "urn:pulumi:s::p::aws:ec2/subnet:Subnet::s" + random.Next(5) },
                5 => Deep(1 + random.Next(300)),
                6 => new JsonArray(Enumerable.Range(0, random.Next(2000)).Select(n => (JsonNode?)JsonValue.Create(n)).ToArray()),
                _ => node.DeepClone(),
            };
            Replace(node, kind == 7 ? Wrap(replacement, random) : replacement, random);
        }

        var text = root.ToJsonString();
        if (duplicateKey)
        {
            // JsonObject cannot hold a key twice: give the first key of an object twice in the text.
            var at = text.IndexOf("{\"", StringComparison.Ordinal);
            var end = at < 0 ? -1 : text.IndexOf("\":", at + 2, StringComparison.Ordinal);
            if (end > 0)
            {
                text = text.Insert(at + 1, text[(at + 1)..(end + 2)] + "null,");
            }
        }

        return random.Next(5) == 0 ? TextMutator.Mutate(text, random) : text;
    }

    private static JsonNode? Wrap(JsonNode? node, Random random) =>
        random.Next(2) == 0 ? new JsonArray(node) : new JsonObject { ["k" + random.Next(10)] = node };

    private static JsonNode Deep(int depth)
    {
        JsonNode node = JsonValue.Create(1);
        for (var i = 0; i < depth; i++)
        {
            node = i % 2 == 0 ? new JsonArray(node) : new JsonObject { ["a"] = node };
        }

        return node;
    }

    private static void Replace(JsonNode node, JsonNode? replacement, Random random)
    {
        switch (node.Parent)
        {
            case JsonObject obj:
                var key = node.GetPropertyName();
                if (replacement is null && random.Next(2) == 0)
                {
                    obj.Remove(key);
                }
                else
                {
                    obj[key] = replacement;
                }

                break;
            case JsonArray array:
                array[node.GetElementIndex()] = replacement;
                break;
        }
    }

    private static void Collect(JsonNode node, List<JsonNode> nodes)
    {
        nodes.Add(node);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    if (child is not null)
                    {
                        Collect(child, nodes);
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    if (child is not null)
                    {
                        Collect(child, nodes);
                    }
                }

                break;
        }
    }
}
