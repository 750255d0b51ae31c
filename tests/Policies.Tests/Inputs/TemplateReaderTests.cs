using StackRules.Inputs;

namespace FargateNetwork.Policies.Tests.Inputs;

public class TemplateReaderTests
{
    private const string Program = """
        name: shop
        runtime: yaml
        config:
          dbPassword:
            type: string
            secret: true
        resources:
          vpc:
            type: aws:ec2:Vpc
            properties:
              cidrBlock: 10.0.0.0/16
              enableDnsSupport: true
              enableDnsHostnames: "true"
              instanceTenancy: default
              tags:
                Name: ${pulumi.stack}-vpc
                Literal: $${not.an.interpolation}
                Price: $$5
                Count: 0x1F
                Octal: 0o17
                Ratio: 1.5e3
                Empty: ~
                Yes: yes
          subnet:
            type: aws:ec2/subnet:Subnet
            properties:
              vpcId: ${vpc.id}
              vpcWhole: ${vpc}
              ipv6: ${vpc.ipv6CidrBlocks[0]}
              nested: ${vpc.tags.Name}
              config: ${dbPassword}
              stack: ${pulumi.stack}
              mixed: ${vpc.id}-suffix
              cidrBlock: 10.0.1.0/24
          task:
            type: aws:ecs:TaskDefinition
            properties:
              family: web
              containerDefinitions:
                fn::toJSON:
                  - name: app
                    image: nginx
                    environment:
                      - name: PASSWORD
                        value:
                          fn::secret: hunter2-inline
                      - name: VPC
                        value: ${vpc.id}
              secretList:
                fn::secret: [a, b]
              joined:
                fn::join: ["-", [a, b, 3]]
              joinedRef:
                fn::join: ["-", [a, "${vpc.id}"]]
              selected:
                fn::select: [1, [x, y, z]]
              split:
                fn::split: [",", "a,b,c"]
              invoked:
                fn::invoke:
                  function: aws:ec2:getVpc
                  arguments: {default: true}
              readFile:
                fn::readFile: ./policy.json
            options:
              parent: ${vpc}
          existing:
            type: aws:ec2:SecurityGroup
            get:
              id: sg-0123456789abcdef0
              state:
                vpcId: ${vpc.id}
        outputs:
          vpcId: ${vpc.id}
        """;

    private static readonly StackInput Input = Read.Text(Program);

    private static string Urn(string type, string name) => $"urn:pulumi:template::shop::{type}::{name}";

    [Fact]
    public void DetectsATemplateAndNamesResourcesByUrnWithTheFullTypeToken()
    {
        Assert.Equal(InputFormat.Template, Input.Format);
        Assert.Equal(["vpc", "subnet", "task", "existing"], Input.Resources.Select(r => r.Name));
        var vpc = Input.Resource("vpc");
        Assert.Equal("aws:ec2/vpc:Vpc", vpc.Type);
        Assert.Equal(Urn("aws:ec2/vpc:Vpc", "vpc"), vpc.Urn);
        Assert.Equal("aws:ec2/securityGroup:SecurityGroup", Input.Resource("existing").Type);
    }

    [Fact]
    public void PlainScalarsFollowTheYaml12CoreSchemaAndQuotedScalarsAreStrings()
    {
        var vpc = Input.Resource("vpc");
        Assert.Equal(new StringValue("10.0.0.0/16"), vpc.Input("cidrBlock"));
        Assert.Equal(new BoolValue(true), vpc.Input("enableDnsSupport"));
        Assert.Equal(new StringValue("true"), vpc.Input("enableDnsHostnames"));
        var tags = vpc.Input("tags");
        Assert.Equal(new NumberValue(31), tags.At("Count"));
        Assert.Equal(new NumberValue(15), tags.At("Octal"));
        Assert.Equal(new NumberValue(1500), tags.At("Ratio"));
        Assert.Equal(NullValue.Instance, tags.At("Empty"));
        Assert.Equal(new StringValue("yes"), tags.At("Yes"));
    }

    [Fact]
    public void DoubleDollarIsALiteralDollar()
    {
        var tags = Input.Resource("vpc").Input("tags");
        Assert.Equal(new StringValue("${not.an.interpolation}"), tags.At("Literal"));
        Assert.Equal(new StringValue("$5"), tags.At("Price"));
    }

    [Fact]
    public void AWholeInterpolationOfAResourceIsAReference()
    {
        var subnet = Input.Resource("subnet");
        var vpcUrn = Urn("aws:ec2/vpc:Vpc", "vpc");
        Assert.Equal(new ReferenceValue(vpcUrn, "id"), subnet.Input("vpcId"));
        Assert.Equal(new ReferenceValue(vpcUrn, "id"), subnet.Input("vpcWhole"));
        Assert.Equal(new ReferenceValue(vpcUrn, "ipv6CidrBlocks[0]"), subnet.Input("ipv6"));
        Assert.Equal(new ReferenceValue(vpcUrn, "tags.Name"), subnet.Input("nested"));
        Assert.Equal(new ReferenceValue(vpcUrn, "id"), Input.Resource("existing").Input("vpcId"));
    }

    [Fact]
    public void ConfigStackNamesAndMixedTextAreUnknown()
    {
        var subnet = Input.Resource("subnet");
        Assert.Equal(UnknownValue.Instance, subnet.Input("config"));
        Assert.Equal(UnknownValue.Instance, subnet.Input("stack"));
        Assert.Equal(UnknownValue.Instance, subnet.Input("mixed"));
        Assert.Equal(UnknownValue.Instance, Input.Resource("vpc").Input("tags").At("Name"));
    }

    [Fact]
    public void ToJsonKeepsTheStructureWithReferencesAndSecretsInside()
    {
        var definitions = Input.Resource("task").Input("containerDefinitions");
        Assert.Equal(new StringValue("nginx"), definitions.At(0, "image"));
        Assert.Equal(new SecretValue(new StringValue("hunter2-inline")), definitions.At(0, "environment", 0, "value"));
        Assert.Equal(new ReferenceValue(Urn("aws:ec2/vpc:Vpc", "vpc"), "id"), definitions.At(0, "environment", 1, "value"));
    }

    [Fact]
    public void BuiltInFunctionsAreEvaluatedOnLiteralsOnly()
    {
        var task = Input.Resource("task");
        var secretList = Assert.IsType<SecretValue>(task.Input("secretList"));
        Assert.Equal(["a", "b"], Strings(secretList.Inner));
        Assert.Equal(new StringValue("a-b-3"), task.Input("joined"));
        Assert.Equal(UnknownValue.Instance, task.Input("joinedRef"));
        Assert.Equal(new StringValue("y"), task.Input("selected"));
        Assert.Equal(["a", "b", "c"], Strings(task.Input("split")));
        Assert.Equal(UnknownValue.Instance, task.Input("invoked"));
        Assert.Equal(UnknownValue.Instance, task.Input("readFile"));
    }

    private static IEnumerable<string> Strings(PropertyValue value) =>
        Assert.IsType<ArrayValue>(value).Items.Select(i => Assert.IsType<StringValue>(i).Value);

    [Fact]
    public void AParentMakesTheUrnCarryTheParentTypeChain()
    {
        var task = Input.Resource("task");
        Assert.Equal(Urn("aws:ec2/vpc:Vpc", "vpc"), task.Parent);
        Assert.Equal(Urn("aws:ec2/vpc:Vpc$aws:ecs/taskDefinition:TaskDefinition", "task"), task.Urn);
        Assert.Null(Input.Resource("vpc").Parent);
    }

    [Fact]
    public void AGetResourceTakesItsInputsFromStateAndItsIdFromGet()
    {
        var existing = Input.Resource("existing");
        Assert.Equal("sg-0123456789abcdef0", existing.Id);
        Assert.Single(existing.Inputs.Properties);
        Assert.Null(Input.Resource("vpc").Id);
    }

    [Fact]
    public void AJsonTemplateIsReadLikeYaml()
    {
        var input = Read.Text("""
            {"name": "j", "resources": {
              "vpc": {"type": "aws:ec2/vpc:Vpc", "properties": {"cidrBlock": "10.1.0.0/16", "enableDnsSupport": true, "n": 3, "s": "true"}},
              "subnet": {"type": "aws:ec2:Subnet", "properties": {"vpcId": "${vpc.id}"}}}}
            """, "t.json");
        Assert.Equal(InputFormat.Template, input.Format);
        var vpc = input.Resource("vpc");
        Assert.Equal(new BoolValue(true), vpc.Input("enableDnsSupport"));
        Assert.Equal(new NumberValue(3), vpc.Input("n"));
        Assert.Equal(new StringValue("true"), vpc.Input("s"));
        Assert.Equal(new ReferenceValue("urn:pulumi:template::j::aws:ec2/vpc:Vpc::vpc", "id"), input.Resource("subnet").Input("vpcId"));
    }

    [Fact]
    public void OurCompilersQuotedOutputIsReadWithTypedValues()
    {
        var input = Read.Text("""
            "name": "fargate-network"
            "resources":
              "vpc":
                "type": "aws:ec2/vpc:Vpc"
                "properties":
                  "enableDnsSupport": true
                  "cidrBlock": "10.10.0.0/16"
                  "port": 443
            """);
        var vpc = input.Resource("vpc");
        Assert.Equal(new BoolValue(true), vpc.Input("enableDnsSupport"));
        Assert.Equal(new NumberValue(443), vpc.Input("port"));
    }
}
