using FargateNetwork.Policies.Pack;

namespace FargateNetwork.Analyzer.Tests;

public sealed class DependencyReferencesTests
{
    private const string Vpc = "urn:pulumi:s::p::aws:ec2/vpc:Vpc::vpc";
    private const string SubnetA = "urn:pulumi:s::p::awsx:ec2:Vpc$aws:ec2/vpc:Vpc$aws:ec2/subnet:Subnet::a";
    private const string SubnetC = "urn:pulumi:s::p::aws:ec2/subnet:Subnet::c";
    private const string Sg = "urn:pulumi:s::p::aws:ec2/securityGroup:SecurityGroup::sg";

    private static readonly UnknownValue U = UnknownValue.Instance;

    [Fact]
    public void ATopLevelUnknownWithOneDependencyIsAReference()
    {
        var resolved = Resolve(Obj(("vpcId", U), ("cidrBlock", U)), ("vpcId", [Vpc]), ("cidrBlock", [Vpc, Sg]));
        Assert.Equal(new ReferenceValue(Vpc, "id"), resolved["vpcId"]);
        Assert.Same(U, resolved["cidrBlock"]);
    }

    [Fact]
    public void NestedListsOfIdsMapToTheDependenciesOfTheirType()
    {
        var network = Obj(("subnets", new ArrayValue([U, U])), ("securityGroups", new ArrayValue([U])), ("assignPublicIp", new BoolValue(false)));
        var resolved = Resolve(Obj(("networkConfiguration", network)), ("networkConfiguration", [SubnetA, Sg, SubnetC]));
        var config = Assert.IsType<ObjectValue>(resolved["networkConfiguration"]).Properties;
        Assert.Equal(
            new[] { new ReferenceValue(SubnetA, "id"), new ReferenceValue(SubnetC, "id") }.OrderBy(r => r.TargetUrn, StringComparer.Ordinal),
            Assert.IsType<ArrayValue>(config["subnets"]).Items.Cast<ReferenceValue>().OrderBy(r => r.TargetUrn, StringComparer.Ordinal));
        Assert.Equal([new ReferenceValue(Sg, "id")], Assert.IsType<ArrayValue>(config["securityGroups"]).Items);
        Assert.Equal(new BoolValue(false), config["assignPublicIp"]);
    }

    [Fact]
    public void AmbiguousUnknownsStayUnknown()
    {
        // Three unknown subnets, two subnet dependencies (one subnet outside the stack or a literal): ambiguous.
        var resolved = Resolve(Obj(("subnetIds", new ArrayValue([U, U, U]))), ("subnetIds", [SubnetA, SubnetC]));
        Assert.All(Assert.IsType<ArrayValue>(resolved["subnetIds"]).Items, i => Assert.Same(U, i));

        // A key that names no resource type stays unknown, whatever its dependencies.
        var other = Resolve(Obj(("tags", Obj(("Name", U)))), ("tags", [Vpc]));
        Assert.Same(U, Assert.IsType<ObjectValue>(other["tags"]).Properties["Name"]);

        // A known value is never replaced.
        var known = Resolve(Obj(("vpcId", new StringValue("vpc-123"))), ("vpcId", [Vpc]));
        Assert.Equal(new StringValue("vpc-123"), known["vpcId"]);
    }

    [Fact]
    public void APropertyThatIsNotAnIdIsNeverTheResourceItDependsOn()
    {
        const string LogGroup = "urn:pulumi:s::p::aws:cloudwatch/logGroup:LogGroup::logs";
        var resolved = Resolve(
            Obj(("containerDefinitions", new SecretValue(U)), ("cidrBlocks", new ArrayValue([U, U])), ("vpcId", U)),
            ("containerDefinitions", [LogGroup]),
            ("cidrBlocks", [SubnetA, SubnetC]),
            ("vpcId", [Sg]));
        Assert.Equal(new SecretValue(U), resolved["containerDefinitions"]);
        Assert.All(Assert.IsType<ArrayValue>(resolved["cidrBlocks"]).Items, i => Assert.Same(U, i));
        // vpcId names the VPC type: a dependency of another type is not its value.
        Assert.Same(U, resolved["vpcId"]);
    }

    [Fact]
    public void AListOfUnknownIdsDependingOnAsManyResourcesOfOneTypeListsThem()
    {
        const string Nlb = "urn:pulumi:s::p::aws:lb/loadBalancer:LoadBalancer::nlb";
        var resolved = Resolve(Obj(("networkLoadBalancerArns", new ArrayValue([U]))), ("networkLoadBalancerArns", [Nlb]));
        Assert.Equal([new ReferenceValue(Nlb, "id")], Assert.IsType<ArrayValue>(resolved["networkLoadBalancerArns"]).Items);
    }

    [Fact]
    public void SecretUnknownsStaySecretReferences()
    {
        var resolved = Resolve(Obj(("vpcId", new SecretValue(U))), ("vpcId", [Vpc]));
        Assert.Equal(new SecretValue(new ReferenceValue(Vpc, "id")), resolved["vpcId"]);
    }

    [Fact]
    public void ManyNestedUnknownsWithManyDependenciesResolveInOnePass()
    {
        // Issue 10 case 4: N nested objects with an unknown subnetId, N subnet URNs in the property's dependencies.
        // Each URN's type is read once per property (the resolver was quadratic: it split every URN per object).
        const int N = 20_000;
        var urns = Enumerable.Range(0, N).Select(i => $"urn:pulumi:s::p::aws:ec2/subnet:Subnet::s{i}").ToArray();
        var items = Enumerable.Range(0, N).Select(_ => (PropertyValue)Obj(("subnetId", U), ("name", new StringValue("c")))).ToList();
        var resolved = Resolve(Obj(("containerDefinitions", new ArrayValue(items)), ("subnetIds", new ArrayValue(urns.Select(_ => (PropertyValue)U).ToList()))),
            ("containerDefinitions", urns), ("subnetIds", urns));

        // N candidates for each single unknown: ambiguous, so each stays unknown and the list is kept as it was.
        Assert.Same(items, Assert.IsType<ArrayValue>(resolved["containerDefinitions"]).Items);
        Assert.Equal(urns.Select(u => new ReferenceValue(u, "id")), Assert.IsType<ArrayValue>(resolved["subnetIds"]).Items);
    }

    [Fact]
    public void AValueWithNothingToResolveIsKeptNotCopied()
    {
        var tags = Obj(("Name", new StringValue("x")));
        var properties = Obj(("tags", tags), ("vpcId", new StringValue("vpc-1")));
        var resolved = FargatePack.References.Resolve(properties, new Dictionary<string, IReadOnlyList<string>> { ["tags"] = [Vpc], ["vpcId"] = [Vpc] });
        Assert.Same(properties, resolved);
        Assert.Same(tags, resolved.Properties["tags"]);
    }

    /// <summary>
    /// <see cref="DependencyReferences.Resolve"/> copies what it changes, whatever the maps are (the decoder's tables
    /// included): its input, nested objects made as the decoder makes them, is the same after it as before, while the
    /// result has the references.
    /// </summary>
    [Fact]
    public void ResolvingLeavesItsInputAsItWas()
    {
        ObjectValue Table(params (string Key, PropertyValue Value)[] properties) =>
            new(PropertyTable<PropertyValue>.Of(properties.Select(p => KeyValuePair.Create(p.Key, p.Value)).ToArray()));
        var rule = Table(("subnetId", U), ("name", new StringValue("r")));
        var properties = Table(("networkConfiguration", Table(("rules", new ArrayValue([rule])), ("vpcId", U))));
        var resolved = FargatePack.References.Resolve(properties, new Dictionary<string, IReadOnlyList<string>> { ["networkConfiguration"] = [Vpc, SubnetC] });

        Assert.Same(U, rule.Properties["subnetId"]);
        Assert.Same(U, ((ObjectValue)properties.Properties["networkConfiguration"]).Properties["vpcId"]);
        var configuration = (ObjectValue)resolved.Properties["networkConfiguration"];
        Assert.Equal(new ReferenceValue(Vpc, "id"), configuration.Properties["vpcId"]);
        var resolvedRule = (ObjectValue)((ArrayValue)configuration.Properties["rules"]).Items[0];
        Assert.Equal(new ReferenceValue(SubnetC, "id"), resolvedRule.Properties["subnetId"]);
    }

    private static ObjectValue Obj(params (string Key, PropertyValue Value)[] properties) =>
        new(properties.ToDictionary(p => p.Key, p => p.Value));

    private static IReadOnlyDictionary<string, PropertyValue> Resolve(ObjectValue properties, params (string Key, string[] Urns)[] dependencies) =>
        FargatePack.References.Resolve(properties, dependencies.ToDictionary(d => d.Key, d => (IReadOnlyList<string>)d.Urns)).Properties;
}
