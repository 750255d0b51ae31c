using StackRules.Inputs;

namespace FargateNetwork.Policies.Tests.Inputs;

public class TemplateVariableTests
{
    private static readonly StackInput Input = Read.Text("""
        name: vars
        variables:
          region: eu-west-1
          cidrs:
            private: [10.0.0.0/24, 10.0.1.0/24]
          theVpc: ${vpc}
          token:
            fn::secret: s3cr3t
          loopA: ${loopB}
          loopB: ${loopA}
          existing:
            fn::invoke:
              function: aws:ec2:getVpc
              return: id
        resources:
          vpc:
            type: aws:ec2:Vpc
            properties:
              cidrBlock: 10.0.0.0/16
          subnet:
            type: aws:ec2:Subnet
            properties:
              region: ${region}
              cidrBlock: ${cidrs.private[1]}
              quoted: ${cidrs["private"][0]}
              vpcId: ${theVpc}
              vpcArn: ${theVpc.arn}
              token: ${token}
              loop: ${loopA}
              existing: ${existing}
              missing: ${cidrs.public}
        """);

    [Fact]
    public void LiteralVariablesAreSubstitutedAndPathsFollowed()
    {
        var subnet = Input.Resource("subnet");
        Assert.Equal(new StringValue("eu-west-1"), subnet.Input("region"));
        Assert.Equal(new StringValue("10.0.1.0/24"), subnet.Input("cidrBlock"));
        Assert.Equal(new StringValue("10.0.0.0/24"), subnet.Input("quoted"));
        Assert.Equal(UnknownValue.Instance, subnet.Input("missing"));
    }

    [Fact]
    public void AVariableHoldingAResourceIsAReference()
    {
        var subnet = Input.Resource("subnet");
        const string Vpc = "urn:pulumi:template::vars::aws:ec2/vpc:Vpc::vpc";
        Assert.Equal(new ReferenceValue(Vpc, "id"), subnet.Input("vpcId"));
        Assert.Equal(new ReferenceValue(Vpc, "arn"), subnet.Input("vpcArn"));
    }

    [Fact]
    public void SecretInvokedAndCyclicVariables()
    {
        var subnet = Input.Resource("subnet");
        Assert.Equal(new SecretValue(new StringValue("s3cr3t")), subnet.Input("token"));
        Assert.Equal(UnknownValue.Instance, subnet.Input("loop"));
        Assert.Equal(UnknownValue.Instance, subnet.Input("existing"));
    }
}
