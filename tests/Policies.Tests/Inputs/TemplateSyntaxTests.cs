using StackRules.Inputs;

namespace FargateNetwork.Policies.Tests.Inputs;

/// <summary>Less common Pulumi YAML syntax: key and function casing, dotted names, fn::unsecret.</summary>
public class TemplateSyntaxTests
{
    [Fact]
    public void TemplateKeysAndFunctionNamesMatchInAnyCase()
    {
        var input = Read.Text("""
            Name: cased
            Resources:
              vpc:
                Type: aws:ec2:Vpc
                Properties:
                  tags:
                    fn::ToJSON: {a: 1}
                  hidden:
                    Fn::Secret: x
            """);
        var vpc = input.Resource("vpc");
        Assert.Equal("urn:pulumi:template::cased::aws:ec2/vpc:Vpc::vpc", vpc.Urn);
        Assert.Equal(new NumberValue(1), vpc.Input("tags").At("a"));
        Assert.Equal(new SecretValue(new StringValue("x")), vpc.Input("hidden"));
    }

    [Fact]
    public void ANameWithDotsIsReferencedInBrackets()
    {
        var input = Read.Text("""
            name: dots
            resources:
              my.vpc:
                type: aws:ec2:Vpc
              subnet:
                type: aws:ec2:Subnet
                properties:
                  vpcId: ${["my.vpc"].id}
                  whole: ${["my.vpc"]}
            """);
        var subnet = input.Resource("subnet");
        Assert.Equal(new ReferenceValue("urn:pulumi:template::dots::aws:ec2/vpc:Vpc::my.vpc", "id"), subnet.Input("vpcId"));
        Assert.Equal(new ReferenceValue("urn:pulumi:template::dots::aws:ec2/vpc:Vpc::my.vpc", "id"), subnet.Input("whole"));
    }

    [Fact]
    public void UnsecretDropsTheSecretMark()
    {
        var input = Read.Text("""
            resources:
              vpc:
                type: aws:ec2:Vpc
                properties:
                  cidrBlock:
                    fn::unsecret:
                      fn::secret: 10.0.0.0/16
            """);
        Assert.Equal(new StringValue("10.0.0.0/16"), input.Resource("vpc").Input("cidrBlock"));
        Assert.Equal("urn:pulumi:template::project::aws:ec2/vpc:Vpc::vpc", input.Resource("vpc").Urn);
    }

    [Fact]
    public void PropertiesThatAreOneFunctionCallAreEmpty()
    {
        var input = Read.Text("resources:\n  vpc:\n    type: aws:ec2:Vpc\n    properties:\n      fn::invoke: {function: x}\n");
        Assert.Empty(input.Resource("vpc").Inputs.Properties);
    }

    [Theory]
    [InlineData("0o777777777777777777777777777")]
    [InlineData("0xFFFFFFFFFFFFFFFFFFFFFFFFFFFF")]
    [InlineData("123456789012345678901234567890")]
    public void HugeIntegersAreNumbersNotCrashes(string text) =>
        Assert.True(Assert.IsType<NumberValue>(CoreSchema.Literal(text)).Value > 1e20);

    [Theory]
    [InlineData("0x1F", 31)]
    [InlineData("0o17", 15)]
    [InlineData("-12", -12)]
    [InlineData("+.5", 0.5)]
    public void IntegersAndFloatsOfTheCoreSchema(string text, double value) =>
        Assert.Equal(new NumberValue(value), CoreSchema.Literal(text));

    [Theory]
    [InlineData("0x")]
    [InlineData("0o8")]
    [InlineData("1.2.3")]
    [InlineData("10.0.0.0/16")]
    [InlineData("on")]
    public void OtherPlainScalarsAreStrings(string text) => Assert.Null(CoreSchema.Literal(text));

    [Theory]
    [InlineData("vpc.id", "vpc", "id")]
    [InlineData("lb.subnets[0]", "lb", "subnets[0]")]
    [InlineData("list[0].a", "list", "[0].a")]
    [InlineData("vpc", "vpc", "")]
    [InlineData("my-bucket.arn", "my-bucket", "arn")]
    [InlineData("[\"a.b\"].tags[\"Name\"]", "a.b", "tags[\"Name\"]")]
    public void ExpressionsSplitIntoRootAndPath(string expression, string root, string path) =>
        Assert.Equal((root, path), Interpolation.Split(expression));
}
