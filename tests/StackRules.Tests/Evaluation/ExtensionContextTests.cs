namespace StackRules.Tests.Evaluation;

/// <summary>
/// What an extension is built from, for resources read from a file (the analyzer's decoded requests are tested in
/// StackRequestDecoderPartsTests): <see cref="ExtensionContext.OfType"/> gives each full type token's resources in the
/// evaluation's order, a template's short tokens indexed under their full ones, and <see cref="ExtensionContext.Find(string)"/>
/// the first resource of a URN.
/// </summary>
public class ExtensionContextTests
{
    [Fact]
    public void OfTypeGroupsByFullTokenInOrder()
    {
        var random = new Random(3);
        string[] types = ["aws:ec2:Subnet", "aws:ec2/subnet:Subnet", "aws:ec2:Vpc", "aws:ecs/service:Service", "aws:s3:Bucket"];
        for (var run = 0; run < 200; run++)
        {
            var resources = Enumerable.Range(0, random.Next(0, 15))
                .Select(i => types[random.Next(types.Length)])
                .Select((type, i) => new StackResource($"urn:pulumi:s::p::{type}::r{i % 7}", type, $"r{i}", new ObjectValue(new Dictionary<string, PropertyValue>())))
                .ToList();
            ExtensionContext? seen = null;
            var extension = new StackExtension<object>("probe", context => seen = context);
            new EvaluationScope(resources, _ => null).Use(extension);
            foreach (var type in types.Select(TypeToken.Canonical).Distinct().Append("aws:ec2/natGateway:NatGateway"))
            {
                Assert.Equal(resources.Where(r => TypeToken.Canonical(r.Type) == type), seen!.OfType(type), ReferenceEqualityComparer.Instance);
            }

            Assert.Empty(seen!.OfType("aws:ec2:Subnet"));
            foreach (var urn in resources.Select(r => r.Urn).Distinct())
            {
                Assert.Same(resources.First(r => r.Urn == urn), seen.Find(urn));
            }
        }
    }
}
