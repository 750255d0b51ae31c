using FargateNetwork.Policies.Model;

namespace FargateNetwork.Policies.Tests.Model;

/// <summary>
/// <see cref="ResourceGraph.Resolve(PropertyValue?)"/> on literal ids and ARNs (stack exports, existing resources):
/// the first resource, in stack order, whose provider id, <c>arn</c> or <c>arnWithoutRevision</c> output is the text
/// (a secret ARN too), else the first with that URN, else a resource outside the stack. The index it reads is made on
/// the first literal resolved, so the answers must not depend on when that happens.
/// </summary>
public class ResourceGraphTests
{
    [Fact]
    public void LiteralsResolveToTheFirstResourceWithThatIdOrArn()
    {
        var random = new Random(23);
        for (var run = 0; run < 200; run++)
        {
            var texts = Enumerable.Range(0, 6).Select(i => $"arn:aws:ecs:ap-northeast-1:123456789012:thing/t{i}").ToArray();
            string? Maybe() => random.Next(3) == 0 ? null : texts[random.Next(texts.Length)];
            PropertyValue Value(string text) => random.Next(4) == 0 ? new SecretValue(new StringValue(text)) : new StringValue(text);
            var resources = Enumerable.Range(0, random.Next(1, 12)).Select(i =>
            {
                var outputs = new Dictionary<string, PropertyValue>(StringComparer.Ordinal);
                foreach (var key in new[] { "arn", "arnWithoutRevision" })
                {
                    if (Maybe() is { } text)
                    {
                        outputs[key] = Value(text);
                    }
                }

                var urn = random.Next(5) == 0 ? texts[random.Next(texts.Length)] : $"urn:pulumi:dev::p::aws:ecs/service:Service::s{i}";
                return new StackResource(urn, "aws:ecs/service:Service", $"s{i}", new ObjectValue(new Dictionary<string, PropertyValue>()), Id: Maybe(), Outputs: new ObjectValue(outputs));
            }).ToList();

            var graph = new ResourceGraph(resources);
            foreach (var text in texts.OrderBy(_ => random.Next()).Append("elsewhere"))
            {
                var expected = resources.FirstOrDefault(r => r.Id == text || Text(r, "arn") == text || Text(r, "arnWithoutRevision") == text)
                    ?? resources.FirstOrDefault(r => r.Urn == text);
                var resolved = graph.Resolve(new StringValue(text));
                Assert.Equal(expected is null ? ResourceRef.Outside(text) : ResourceRef.To(expected), resolved);
            }
        }
    }

    [Fact]
    public void EmptyAndInterpolatedTextsResolveWithoutTheIndex()
    {
        var graph = new ResourceGraph([]);
        Assert.Equal(ResourceRef.Absent, graph.Resolve(new StringValue("")));
        Assert.Equal(ResourceRef.Unknown, graph.Resolve(new StringValue("${vpc.id}")));
        Assert.Equal(ResourceRef.Outside("vpc-0123"), graph.Resolve(new StringValue("vpc-0123")));
    }

    private static string? Text(StackResource resource, string key) =>
        resource.Outputs!.Properties.TryGetValue(key, out var value) ? ResourceProperties.Unwrap(value) is StringValue s ? s.Value : null : null;
}
