using StackRules.Inputs;

namespace FargateNetwork.Policies.Tests.Inputs;

public class StateReaderTests
{
    private const string Secret = "\"4dabf18193072939515e22adb298388d\": \"1b47061264138c4ac30d75fd1eb44270\"";

    [Fact]
    public void AStackExportKeepsIdsOutputsParentsAndPropertyDependencies()
    {
        var input = Read.File("broken-stack-export.json");
        Assert.Equal(InputFormat.StackExport, input.Format);
        var service = input.Resource("service");
        Assert.Equal("aws:ecs/service:Service", service.Type);
        Assert.Equal("urn:pulumi:dev::orders::aws:ecs/cluster:Cluster$aws:ecs/service:Service::service", service.Urn);
        Assert.Equal("urn:pulumi:dev::orders::aws:ecs/cluster:Cluster::cluster", service.Parent);
        Assert.Equal(3, service.PropertyDependencies!["networkConfiguration"].Count);
        var vpc = input.Resource("vpc");
        Assert.Equal("vpc-0c1d2e3f4a5b6c7d8", vpc.Id);
        Assert.Equal(new StringValue("rtb-0main0000000000"), vpc.Outputs!.Properties["defaultRouteTableId"]);
        Assert.Equal(new BoolValue(true), vpc.Input("enableDnsSupport"));
        Assert.Contains(input.Resources, r => r.Type == "pulumi:providers:aws");
    }

    [Fact]
    public void APlaintextSecretIsParsedIntoASecretValue()
    {
        var definitions = Read.File("broken-stack-export.json").Resource("task-definition").Input("containerDefinitions");
        var secret = Assert.IsType<SecretValue>(definitions);
        Assert.Contains("awslogs", Assert.IsType<StringValue>(secret.Inner).Value, StringComparison.Ordinal);
    }

    [Fact]
    public void ACiphertextSecretIsASecretOfUnknownValue()
    {
        var input = Read.Text($$$"""
            {"version": 3, "deployment": {"resources": [
              {"urn": "urn:pulumi:dev::p::aws:ec2/vpc:Vpc::vpc", "type": "aws:ec2/vpc:Vpc", "id": "vpc-1",
               "inputs": {"cidrBlock": { {{{Secret}}}, "ciphertext": "v1:AAAA:BBBB" },
                          "n": { {{{Secret}}}, "plaintext": "42" },
                          "nested": { {{{Secret}}}, "plaintext": "{\"a\":[true,null]}" }},
               "outputs": {"arn": "arn:aws:ec2:ap-northeast-1:1:vpc/vpc-1"}}]}}
            """, "s.json");
        var vpc = input.Resource("vpc");
        Assert.Equal(new SecretValue(UnknownValue.Instance), vpc.Input("cidrBlock"));
        Assert.Equal(new SecretValue(new NumberValue(42)), vpc.Input("n"));
        Assert.Equal(new BoolValue(true), vpc.Input("nested").At("a", 0));
        Assert.Equal("vpc", vpc.Name);
    }

    [Fact]
    public void ALocalBackendCheckpointFileIsReadLikeAnExport()
    {
        var export = File.ReadAllText(Read.Fixture("broken-stack-export.json"));
        var checkpoint = export.Replace("\"deployment\":", "\"checkpoint\": {\"stack\": \"dev\", \"latest\":", StringComparison.Ordinal).TrimEnd() + "}";
        var input = Read.Text(checkpoint, "dev.json");
        Assert.Equal(InputFormat.StackExport, input.Format);
        Assert.Equal(Read.File("broken-stack-export.json").Resources.Select(r => r.Urn), input.Resources.Select(r => r.Urn));
        var e = Assert.Throws<InputException>(() => Read.Text("{\"checkpoint\": {\"latest\": {\"resources\": [{\"urn\": []}]}}}", "c.json"));
        Assert.Equal("c.json: checkpoint.latest.resources[0].urn: expected a string, found an array", e.Message);
    }

    [Fact]
    public void ResourcesPendingDeletionAreLeftOut()
    {
        var input = Read.Text("""
            {"version": 3, "deployment": {"resources": [
              {"urn": "urn:pulumi:dev::p::aws:ec2/vpc:Vpc::old", "type": "aws:ec2/vpc:Vpc", "id": "vpc-1", "delete": true},
              {"urn": "urn:pulumi:dev::p::aws:ec2/vpc:Vpc::new", "type": "aws:ec2/vpc:Vpc", "id": "vpc-2"}]}}
            """, "d.json");
        Assert.Equal(["new"], input.Resources.Select(r => r.Name));
    }

    [Fact]
    public void APreviewUsesNewStatesSkipsDeletesAndTakesEachUrnOnce()
    {
        var input = Read.File("broken-preview.json");
        Assert.Equal(InputFormat.Preview, input.Format);
        Assert.DoesNotContain(input.Resources, r => r.Name == "old-nat");
        Assert.Single(input.Resources, r => r.Name == "task-definition");
        // A created resource: its id is not known yet; an unknown input with one dependency refers to that resource.
        Assert.Null(input.Resource("route-table-c").Id);
        var association = input.Resource("route-table-association-c");
        const string RouteTableC = "urn:pulumi:dev::orders::aws:ec2/routeTable:RouteTable::route-table-c";
        Assert.Equal(new ReferenceValue(RouteTableC, "id"), association.Input("routeTableId"));
        Assert.Equal([RouteTableC], association.PropertyDependencies!["routeTableId"]);
        // A resource that stays: id and outputs from its old state.
        Assert.Equal("vpc-0c1d2e3f4a5b6c7d8", input.Resource("vpc").Id);
        Assert.Equal(new StringValue("rtb-0main0000000000"), input.Resource("vpc").Outputs!.Properties["defaultRouteTableId"]);
        // A replaced resource gets a new id: none is taken from the old state.
        Assert.Null(input.Resource("task-definition").Id);
        // Preview JSON masks secrets as "[secret]".
        Assert.Equal(new SecretValue(UnknownValue.Instance), input.Resource("task-definition").Input("containerDefinitions"));
    }

    [Fact]
    public void TheUnknownSentinelIsUnknownInAPreviewAndTheUrnOfAStepFillsAMissingOne()
    {
        var input = Read.Text("""
            {"steps": [
              {"op": "create", "urn": "urn:pulumi:dev::p::aws:ec2/subnet:Subnet::a",
               "newState": {"type": "aws:ec2/subnet:Subnet", "inputs": {"vpcId": "04da6b54-80e4-46f7-96ec-b56ff0331ba9", "tags": {"Name": "[secret]"}}}},
              {"op": "delete", "urn": "urn:pulumi:dev::p::aws:ec2/subnet:Subnet::gone", "oldState": {"type": "aws:ec2/subnet:Subnet"}}]}
            """, "p.json");
        var subnet = Assert.Single(input.Resources);
        Assert.Equal("a", subnet.Name);
        Assert.Equal(UnknownValue.Instance, subnet.Input("vpcId"));
        Assert.Equal(new SecretValue(UnknownValue.Instance), subnet.Input("tags").At("Name"));
    }

    [Fact]
    public void AListOfUnknownsDependingOnAsManyResourcesOfOneTypeListsThem()
    {
        const string A = "urn:pulumi:dev::p::aws:ec2/subnet:Subnet::a";
        const string C = "urn:pulumi:dev::p::aws:ec2/subnet:Subnet::c";
        const string Sg = "urn:pulumi:dev::p::aws:ec2/securityGroup:SecurityGroup::sg";
        const string U = PulumiSignatures.UnknownSentinel;
        var input = Read.Text($$$$"""
            {"steps": [{"op": "create", "urn": "urn:pulumi:dev::p::aws:ec2/vpcEndpoint:VpcEndpoint::e", "newState": {
              "type": "aws:ec2/vpcEndpoint:VpcEndpoint",
              "inputs": {"subnetIds": ["{{{{U}}}}", "{{{{U}}}}"], "securityGroupIds": ["{{{{U}}}}", "{{{{U}}}}"], "routeTableIds": ["{{{{U}}}}", "rtb-1"]},
              "propertyDependencies": {"subnetIds": ["{{{{A}}}}", "{{{{C}}}}"], "securityGroupIds": ["{{{{Sg}}}}"],
                                       "routeTableIds": ["urn:pulumi:dev::p::aws:ec2/routeTable:RouteTable::r"]}}},
              {"op": "create", "urn": "{{{{A}}}}", "newState": {"type": "aws:ec2/subnet:Subnet"}},
              {"op": "create", "urn": "{{{{C}}}}", "newState": {"type": "aws:ec2/subnet:Subnet"}},
              {"op": "create", "urn": "{{{{Sg}}}}", "newState": {"type": "aws:ec2/securityGroup:SecurityGroup"}},
              {"op": "create", "urn": "urn:pulumi:dev::p::aws:ec2/routeTable:RouteTable::r", "newState": {"type": "aws:ec2/routeTable:RouteTable"}}]}
            """, "p.json");
        var endpoint = input.Resource("e");
        Assert.Equal([new ReferenceValue(A, "id"), new ReferenceValue(C, "id")], Assert.IsType<ArrayValue>(endpoint.Input("subnetIds")).Items);
        // Two unknowns from one resource: which of its outputs is not known.
        Assert.All(Assert.IsType<ArrayValue>(endpoint.Input("securityGroupIds")).Items, i => Assert.Equal(UnknownValue.Instance, i));
        // Not all unknown: left as it is.
        Assert.Equal(UnknownValue.Instance, endpoint.Input("routeTableIds").At(0));
    }

    [Fact]
    public void UnknownsUnderKeysNamingANetworkTypeListTheDependenciesOfThatType()
    {
        const string A = "urn:pulumi:dev::p::aws:ec2/subnet:Subnet::a";
        const string C = "urn:pulumi:dev::p::aws:ec2/subnet:Subnet::c";
        const string Sg = "urn:pulumi:dev::p::aws:ec2/securityGroup:SecurityGroup::sg";
        const string Tg = "urn:pulumi:dev::p::aws:lb/targetGroup:TargetGroup::tg";
        const string U = PulumiSignatures.UnknownSentinel;
        var input = Read.Text($$$$"""
            {"steps": [{"op": "create", "urn": "urn:pulumi:dev::p::aws:ecs/service:Service::s", "newState": {
              "type": "aws:ecs/service:Service",
              "inputs": {"networkConfiguration": {"subnets": ["{{{{U}}}}", "{{{{U}}}}"], "securityGroups": ["{{{{U}}}}"], "assignPublicIp": false},
                         "loadBalancers": [{"targetGroupArn": "{{{{U}}}}", "containerPort": 80}],
                         "mapping": {"subnetId": "{{{{U}}}}"}},
              "propertyDependencies": {"networkConfiguration": ["{{{{A}}}}", "{{{{C}}}}", "{{{{Sg}}}}"], "loadBalancers": ["{{{{Tg}}}}"],
                                       "mapping": ["{{{{A}}}}", "{{{{C}}}}"]}}},
              {"op": "create", "urn": "{{{{A}}}}", "newState": {"type": "aws:ec2/subnet:Subnet"}},
              {"op": "create", "urn": "{{{{C}}}}", "newState": {"type": "aws:ec2/subnet:Subnet"}},
              {"op": "create", "urn": "{{{{Sg}}}}", "newState": {"type": "aws:ec2/securityGroup:SecurityGroup"}},
              {"op": "create", "urn": "{{{{Tg}}}}", "newState": {"type": "aws:lb/targetGroup:TargetGroup"}}]}
            """, "p.json");
        var service = input.Resource("s");
        var network = service.Input("networkConfiguration");
        Assert.Equal([new ReferenceValue(A, "id"), new ReferenceValue(C, "id")], Assert.IsType<ArrayValue>(network.At("subnets")).Items);
        Assert.Equal([new ReferenceValue(Sg, "id")], Assert.IsType<ArrayValue>(network.At("securityGroups")).Items);
        Assert.Equal(new BoolValue(false), network.At("assignPublicIp"));
        // targetGroupArn names a target group, and exactly one is among the dependencies. Two subnets for one subnetId: unknown.
        Assert.Equal(new ReferenceValue(Tg, "id"), service.Input("loadBalancers").At(0, "targetGroupArn"));
        Assert.Equal(UnknownValue.Instance, service.Input("mapping").At("subnetId"));
    }

    [Fact]
    public void ResourceReferencesAndOutputValuesInStateAreUnderstood()
    {
        var input = Read.Text("""
            {"version": 3, "deployment": {"resources": [
              {"urn": "urn:pulumi:dev::p::aws:ec2/subnet:Subnet::a", "type": "aws:ec2/subnet:Subnet", "inputs": {
                "vpcId": {"4dabf18193072939515e22adb298388d": "5cf8f73096256a8f31e491e813e4eb8e", "urn": "urn:pulumi:dev::p::aws:ec2/vpc:Vpc::v", "id": "vpc-1"},
                "cidrBlock": {"4dabf18193072939515e22adb298388d": "d0e6a833031e9bbcd3f4e8bde6ca49a4", "value": "10.0.0.0/24", "secret": true},
                "az": {"4dabf18193072939515e22adb298388d": "d0e6a833031e9bbcd3f4e8bde6ca49a4"}}}]}}
            """, "r.json");
        var subnet = input.Resource("a");
        Assert.Equal(new ReferenceValue("urn:pulumi:dev::p::aws:ec2/vpc:Vpc::v", "id"), subnet.Input("vpcId"));
        Assert.Equal(new SecretValue(new StringValue("10.0.0.0/24")), subnet.Input("cidrBlock"));
        Assert.Equal(UnknownValue.Instance, subnet.Input("az"));
    }
}
