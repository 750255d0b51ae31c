namespace StackRules.Tests.Evaluation;

/// <summary>
/// The secret screen built on another processor while the policies run (<see cref="EvaluationScope.BuildScreenApart"/>)
/// screens as the one built on the first message: random stacks with secret strings and numbers in inputs, outputs,
/// lists and nested objects, and messages made of their texts, secret or not.
/// </summary>
public class EvaluationScopeTests
{
    [Fact]
    public void TheScreenBuiltApartScreensAsTheOneBuiltInLine()
    {
        var random = new Random(51);
        var screened = 0;
        for (var round = 0; round < 200; round++)
        {
            var texts = new List<string>();
            var resources = Enumerable.Range(0, random.Next(1, 30)).Select(i => Resource(random, i, texts)).ToList();
            var inLine = new EvaluationScope(resources, _ => null);
            var apart = new EvaluationScope(resources, _ => null);
            apart.BuildScreenApart(apartFrom: 0);
            for (var m = 0; m < 10; m++)
            {
                var message = string.Join(" ", Enumerable.Range(0, random.Next(1, 5)).Select(_ => texts[random.Next(texts.Count)]));
                var expected = inLine.Screen(message);
                Assert.Equal(expected, apart.Screen(message));
                screened += expected.Contains("[secret]", StringComparison.Ordinal) ? 1 : 0;
            }
        }

        Assert.True(screened > 500, $"only {screened} messages held a secret: the test does not test the screen");
    }

    [Fact]
    public void ASmallStackBuildsItsScreenInLine() =>
        Assert.InRange(EvaluationScope.ScreenApartFrom, 100, 1_000); // the benchmark's stacks (1,000 resources and more) apart

    private static StackResource Resource(Random random, int index, List<string> texts)
    {
        PropertyValue Value(int depth)
        {
            var text = $"value-{random.Next(100_000):D5}";
            texts.Add(text);
            return random.Next(6) switch
            {
                0 => new SecretValue(new StringValue(text)),
                1 when depth < 3 => new ArrayValue([Value(depth + 1), Value(depth + 1)]),
                2 when depth < 3 => new ObjectValue(new Dictionary<string, PropertyValue> { ["a"] = Value(depth + 1), ["b"] = new SecretValue(Value(depth + 1)) }),
                3 => new SecretValue(new NumberValue(random.Next(10_000, 99_999))),
                _ => new StringValue(text),
            };
        }

        var inputs = new ObjectValue(new Dictionary<string, PropertyValue> { ["x"] = Value(0), ["y"] = Value(0) });
        var outputs = new ObjectValue(new Dictionary<string, PropertyValue> { ["z"] = Value(0) });
        return new StackResource($"urn:pulumi:s::p::aws:s3/bucket:Bucket::b{index}", "aws:s3/bucket:Bucket", $"b{index}", inputs, Outputs: outputs);
    }
}
