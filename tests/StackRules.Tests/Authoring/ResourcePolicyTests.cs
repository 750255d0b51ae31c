namespace StackRules.Tests.Authoring;

public class ResourcePolicyTests
{
    private static readonly PolicyPack Pack = new("team", "1.0.0", [Stacks.NoPublicTaskIp()]);

    [Fact]
    public void AKnownTrueValueIsAViolationOnTheResource()
    {
        var service = Stacks.ServiceWithPublicIp(new BoolValue(true));
        var violation = Assert.Single(Pack.Defaults().AnalyzeResource(service));
        Assert.Equal(("no-public-task-ip", EnforcementLevel.Mandatory, service.Urn, "app"), (violation.Policy, violation.Level, violation.Urn, violation.Name));
    }

    [Theory]
    [MemberData(nameof(Silent))]
    public void UnknownAbsentAndFalseValuesAreNoViolation(PropertyValue? value)
    {
        var service = value is null
            ? Stacks.Resource(Stacks.Service, "app")
            : Stacks.ServiceWithPublicIp(value);
        Assert.Empty(Pack.Defaults().AnalyzeResource(service));
    }

    public static TheoryData<PropertyValue?> Silent() => new()
    {
        null,
        UnknownValue.Instance,
        new BoolValue(false),
        new ReferenceValue("urn:pulumi:dev::app::aws:ec2/subnet:Subnet::s", "id"),
        new StringValue("${subnet.mapPublicIpOnLaunch}"),
    };

    [Fact]
    public void AnUnknownObjectAroundTheValueIsNoViolation() =>
        Assert.Empty(Pack.Defaults().AnalyzeResource(Stacks.Resource(Stacks.Service, "app", ("networkConfiguration", UnknownValue.Instance))));

    [Fact]
    public void APolicyLooksOnlyAtItsTypes() =>
        Assert.Empty(Pack.Defaults().AnalyzeResource(Stacks.Resource("aws:ec2/vpc:Vpc", "vpc", ("networkConfiguration", Stacks.Object(("assignPublicIp", new BoolValue(true)))))));

    [Fact]
    public void ADisabledPolicyReportsNothingAndAnAllLevelAppliesToEveryPolicy()
    {
        var service = Stacks.ServiceWithPublicIp(new BoolValue(true));
        Assert.Empty(Pack.Configure(new() { ["no-public-task-ip"] = "disabled" }).AnalyzeResource(service));
        Assert.Equal(EnforcementLevel.Advisory, Assert.Single(Pack.Configure(new() { ["all"] = "advisory" }).AnalyzeResource(service)).Level);
    }

    [Fact]
    public void ASecretInAMessageIsPrintedAsSecret()
    {
        var leaky = new ResourcePolicy("leaky", "Prints a property on purpose.")
        {
            // A policy author's mistake: reading the secret's plaintext and printing it.
            Validate = (args, violations) => violations.Add($"the password is {((StringValue)((SecretValue)args.Resource.Inputs.Properties["password"]).Inner).Value}"),
        };
        var resource = Stacks.Resource("aws:rds/instance:Instance", "db", ("password", new SecretValue(new StringValue("hunter2-plaintext"))));
        var message = Assert.Single(new PolicyPack("p", "1", [leaky]).Defaults().AnalyzeResource(resource)).Message;
        Assert.Equal("the password is [secret]", message);
    }

    [Fact]
    public void AFactOfASecretPrintsSecret()
    {
        var printing = new ResourcePolicy("printing", "Prints a property through its fact.")
        {
            Validate = (args, violations) => violations.Add($"name {args.Props.Text("name")}, size {args.Props.Number("size")}"),
        };
        var resource = Stacks.Resource("x:y/z:Z", "r", ("name", new SecretValue(new StringValue("ab"))), ("size", new SecretValue(new NumberValue(3))));
        Assert.Equal("name [secret], size [secret]", Assert.Single(new PolicyPack("p", "1", [printing]).Defaults().AnalyzeResource(resource)).Message);
    }

    [Theory]
    [InlineData("Has Space")]
    [InlineData("")]
    [InlineData("semi;colon")]
    public void ABadPolicyNameIsRefusedWhenThePolicyIsCreated(string name) =>
        Assert.Throws<ArgumentException>(() => new ResourcePolicy(name, "x"));

    [Fact]
    public void TwoPoliciesWithOneNameAreRefused() =>
        Assert.Throws<ArgumentException>(() => new PolicyPack("p", "1", [Stacks.NoPublicTaskIp(), Stacks.NoPublicTaskIp()]));
}
