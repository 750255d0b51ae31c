using System.Globalization;
using System.Text;
using System.Text.Json;
using FargateNetwork.Policies.Model;
using StackRules;
using StackRules.Inputs;

namespace FargateNetwork.Policies.Tests.Model;

/// <summary>
/// <see cref="ContainerJson"/> keeps of each container only the fields the model reads: on random container
/// definitions (those fields, others, repeated names, nested values, non-object items), every field the model reads
/// is the same value as in the whole conversion, and the containers are the same in number and order.
/// </summary>
public class ContainerJsonTests
{
    private static readonly string[] Read = ["name", "image", "logConfiguration", "secrets", "repositoryCredentials"];
    private static readonly string[] Other = ["environment", "portMappings", "command", "essential", "healthCheck", "Name", "images"];

    [Fact]
    public void TheFieldsTheModelReadsAreThoseOfTheWholeConversion()
    {
        var random = new Random(41);
        for (var i = 0; i < 1_000; i++)
        {
            var json = Definitions(random);
            using var document = JsonDocument.Parse(json);
            var whole = StateValue.Convert(document.RootElement);
            var pruned = ContainerJson.Read(document.RootElement);
            var wholeItems = ((ArrayValue)whole).Items;
            var prunedItems = ((ArrayValue)pruned).Items;
            Assert.Equal(wholeItems.Count, prunedItems.Count);
            for (var c = 0; c < wholeItems.Count; c++)
            {
                if (wholeItems[c] is not ObjectValue container)
                {
                    Assert.True(PropertyValue.Same(wholeItems[c], prunedItems[c]), $"{json}: item {c} changed");
                    continue;
                }

                foreach (var field in Read)
                {
                    Assert.True(
                        PropertyValue.Same(ResourceProperties.Field(container, field), ResourceProperties.Field(prunedItems[c], field)),
                        $"{json}: container {c}, {field}");
                }

                Assert.All(Other, field => Assert.Null(ResourceProperties.Field(prunedItems[c], field)));
            }
        }
    }

    private static string Definitions(Random random)
    {
        var text = new StringBuilder("[");
        for (var c = random.Next(4); c > 0; c--)
        {
            text.Append(text.Length > 1 ? "," : "");
            if (random.Next(8) == 0)
            {
                text.Append(random.Next(2) == 0 ? "\"not a container\"" : "null");
                continue;
            }

            text.Append('{');
            for (var f = random.Next(9); f > 0; f--)
            {
                var name = random.Next(3) == 0 ? Other[random.Next(Other.Length)] : Read[random.Next(Read.Length)];
                text.Append(text[^1] == '{' ? "" : ",").Append('"').Append(name).Append("\":").Append(Value(random, 0));
            }

            text.Append('}');
        }

        return text.Append(']').ToString();
    }

    private static string Value(Random random, int depth) => (random.Next(5), depth < 2) switch
    {
        (0, true) => $"{{\"logDriver\":\"awslogs\",\"options\":{{\"awslogs-group\":\"/ecs/{random.Next(3)}\",\"awslogs-region\":\"us-east-1\"}},\"x\":{Value(random, depth + 1)}}}",
        (1, true) => $"[{{\"name\":\"S\",\"valueFrom\":\"arn:aws:ssm:us-east-1:111122223333:parameter/p{random.Next(3)}\"}},{Value(random, depth + 1)}]",
        (2, _) => $"\"111122223333.dkr.ecr.us-east-1.amazonaws.com/app:{random.Next(3)}\"",
        (3, _) => random.Next(9).ToString(CultureInfo.InvariantCulture),
        _ => "true",
    };
}
