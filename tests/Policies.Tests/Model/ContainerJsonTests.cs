using System.Globalization;
using System.Text;
using System.Text.Json;
using FargateNetwork.Policies.Model;
using StackRules;
using StackRules.Inputs;

namespace FargateNetwork.Policies.Tests.Model;

/// <summary>
/// <see cref="ContainerJson"/> keeps of each container only what the model reads, down to nested fields: on random
/// container definitions (the fields read at every level, others beside them, repeated names, secrets and unknowns in
/// their place, values of another kind than the model expects, non-object items), every value the model reads is the
/// same as in the whole conversion, the containers and each container's secrets are the same in number and order, and
/// the fields the model does not read are gone.
/// </summary>
public class ContainerJsonTests
{
    private static readonly string[] Read = ["name", "image", "logConfiguration", "secrets", "repositoryCredentials"];
    private static readonly string[] Other = ["environment", "portMappings", "command", "essential", "healthCheck", "Name", "images"];

    /// <summary>Every path of a container the model reads to a value (NetworkModelBuilder.Containers.cs).</summary>
    private static readonly string[][] ReadPaths =
    [
        ["name"], ["image"], ["logConfiguration", "logDriver"], ["logConfiguration", "options", "awslogs-group"],
        ["logConfiguration", "options", "awslogs-create-group"], ["logConfiguration", "options", "awslogs-region"],
        ["repositoryCredentials", "credentialsParameter"],
    ];

    [Fact]
    public void WhatTheModelReadsIsThatOfTheWholeConversion()
    {
        var random = new Random(41);
        var nestedPruned = 0;
        for (var i = 0; i < 2_000; i++)
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

                foreach (var path in ReadPaths)
                {
                    Assert.True(PropertyValue.Same(At(container, path), At(prunedItems[c], path)), $"{json}: container {c}, {string.Join('.', path)}");
                }

                var secrets = ResourceProperties.Field(container, "secrets");
                var prunedSecrets = ResourceProperties.Field(prunedItems[c], "secrets");
                if (secrets is ArrayValue list && prunedSecrets is ArrayValue prunedList)
                {
                    Assert.Equal(list.Items.Count, prunedList.Items.Count);
                    for (var s = 0; s < list.Items.Count; s++)
                    {
                        Assert.True(PropertyValue.Same(ResourceProperties.Field(list.Items[s], "valueFrom"), ResourceProperties.Field(prunedList.Items[s], "valueFrom")), $"{json}: container {c}, secret {s}");
                        Assert.Equal(list.Items[s] is ObjectValue, prunedList.Items[s] is ObjectValue);
                    }
                }
                else
                {
                    Assert.True(PropertyValue.Same(secrets, prunedSecrets), $"{json}: container {c}, secrets");
                }

                Assert.All(Other, field => Assert.Null(ResourceProperties.Field(prunedItems[c], field)));
                if (ResourceProperties.Field(ResourceProperties.Field(prunedItems[c], "logConfiguration"), "x") is null
                    && ResourceProperties.Field(ResourceProperties.Field(container, "logConfiguration"), "x") is not null)
                {
                    nestedPruned++;
                }
            }
        }

        Assert.True(nestedPruned > 100, $"only {nestedPruned} nested objects pruned: the corpus does not exercise them");
    }

    private static PropertyValue? At(PropertyValue? value, string[] path)
    {
        foreach (var name in path)
        {
            value = ResourceProperties.Field(value, name);
        }

        return value;
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

    private static string Value(Random random, int depth) => (random.Next(8), depth < 3) switch
    {
        (0, true) => $"{{\"logDriver\":{Value(random, depth + 1)},\"options\":{Options(random, depth)},\"x\":{Value(random, depth + 1)}{Repeat(random, "logDriver", depth)}}}",
        (1, true) => $"[{{\"name\":\"S\",\"valueFrom\":\"arn:aws:ssm:us-east-1:111122223333:parameter/p{random.Next(3)}\"}},{Value(random, depth + 1)}]",
        (2, _) => $"\"111122223333.dkr.ecr.us-east-1.amazonaws.com/app:{random.Next(3)}\"",
        (3, _) => random.Next(9).ToString(CultureInfo.InvariantCulture),
        (4, true) => $"{{\"credentialsParameter\":{Value(random, depth + 1)},\"valueFrom\":{Value(random, depth + 1)},\"y\":1{Repeat(random, "credentialsParameter", depth)}}}",
        (5, _) => $"{{\"{PulumiSignatures.Key}\":\"{PulumiSignatures.Secret}\",\"value\":\"/ecs/s{random.Next(3)}\"}}",
        (6, _) => random.Next(2) == 0 ? $"\"{PulumiSignatures.UnknownSentinel}\"" : "null",
        _ => "true",
    };

    private static string Options(Random random, int depth) => random.Next(4) == 0
        ? Value(random, depth + 1)
        : $"{{\"awslogs-group\":\"/ecs/{random.Next(3)}\",\"awslogs-region\":{Value(random, depth + 1)},\"awslogs-stream-prefix\":\"p\",\"awslogs-create-group\":\"{(random.Next(2) == 0 ? "true" : "false")}\"{Repeat(random, "awslogs-group", depth)}}}";

    /// <summary>Sometimes the name again, with another value (the last one wins).</summary>
    private static string Repeat(Random random, string name, int depth) => random.Next(3) == 0 ? $",\"{name}\":{Value(random, depth + 1)}" : "";
}
