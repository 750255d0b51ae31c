using System.Text.RegularExpressions;
using FargateNetwork.Policies.Model;
using FargateNetwork.Tests.Shared;

namespace FargateNetwork.Policies.Tests.Model;

/// <summary>
/// Every property name the model reads exists in the published @pulumi/aws 7.48.0 package
/// (installed by <c>npm ci --ignore-scripts</c>): a wrong name would make a rule silently blind. The type tokens are
/// checked once, in the core's tests.
/// </summary>
public class ProviderTruthTests
{
    private static readonly string Package = RepositoryRoot.NodePackage("@pulumi/aws");

    /// <summary>(file under the package without extension, interface, properties the model reads).</summary>
    public static TheoryData<string, string, string> Properties() => new()
    {
        { "ec2/vpc", "VpcArgs", "cidrBlock enableDnsSupport enableDnsHostnames region" },
        { "ec2/subnet", "SubnetArgs", "vpcId cidrBlock availabilityZone availabilityZoneId mapPublicIpOnLaunch" },
        { "ec2/routeTable", "RouteTableArgs", "vpcId routes" },
        { "ec2/defaultRouteTable", "DefaultRouteTableArgs", "defaultRouteTableId routes" },
        { "ec2/route", "RouteArgs", "routeTableId destinationCidrBlock destinationPrefixListId gatewayId natGatewayId vpcEndpointId transitGatewayId vpcPeeringConnectionId networkInterfaceId egressOnlyGatewayId carrierGatewayId localGatewayId coreNetworkArn odbNetworkArn destinationIpv6CidrBlock" },
        { "ec2/routeTableAssociation", "RouteTableAssociationArgs", "subnetId routeTableId gatewayId" },
        { "ec2/mainRouteTableAssociation", "MainRouteTableAssociationArgs", "vpcId routeTableId" },
        { "ec2/internetGateway", "InternetGatewayArgs", "vpcId" },
        { "ec2/internetGatewayAttachment", "InternetGatewayAttachmentArgs", "internetGatewayId vpcId" },
        { "ec2/natGateway", "NatGatewayArgs", "subnetId allocationId connectivityType availabilityMode availabilityZoneAddresses" },
        { "ec2/natGateway", "NatGatewayState", "publicIp" },
        { "ec2/eip", "EipState", "publicIp" },
        { "ec2/vpcEndpoint", "VpcEndpointArgs", "vpcId serviceName vpcEndpointType privateDnsEnabled subnetIds subnetConfigurations securityGroupIds routeTableIds policy" },
        { "ec2/vpcEndpointSubnetAssociation", "VpcEndpointSubnetAssociationArgs", "vpcEndpointId subnetId" },
        { "ec2/vpcEndpointRouteTableAssociation", "VpcEndpointRouteTableAssociationArgs", "vpcEndpointId routeTableId" },
        { "ec2/securityGroup", "SecurityGroupArgs", "vpcId ingress egress" },
        { "ec2/managedPrefixList", "ManagedPrefixListArgs", "entries" },
        { "ec2/vpcEndpoint", "VpcEndpointState", "prefixListId" },
        { "ec2/vpc", "VpcState", "defaultRouteTableId mainRouteTableId" },
        { "ec2/securityGroupRule", "SecurityGroupRuleArgs", "type securityGroupId protocol fromPort toPort cidrBlocks sourceSecurityGroupId self prefixListIds" },
        { "vpc/securityGroupIngressRule", "SecurityGroupIngressRuleArgs", "securityGroupId ipProtocol fromPort toPort cidrIpv4 referencedSecurityGroupId prefixListId" },
        { "vpc/securityGroupEgressRule", "SecurityGroupEgressRuleArgs", "securityGroupId ipProtocol fromPort toPort cidrIpv4 referencedSecurityGroupId prefixListId" },
        { "ecs/service", "ServiceArgs", "launchType platformVersion capacityProviderStrategies networkConfiguration taskDefinition loadBalancers enableExecuteCommand serviceConnectConfiguration" },
        { "ecs/taskDefinition", "TaskDefinitionArgs", "family containerDefinitions requiresCompatibilities networkMode runtimePlatform" },
        { "ecs/taskDefinition", "TaskDefinitionState", "arn arnWithoutRevision" },
        { "cloudwatch/eventTarget", "EventTargetArgs", "ecsTarget" },
        { "scheduler/schedule", "ScheduleArgs", "target" },
        { "cloudwatch/logGroup", "LogGroupArgs", "name namePrefix" },
        { "lb/loadBalancer", "LoadBalancerArgs", "internal loadBalancerType subnets subnetMappings" },
        { "lb/targetGroup", "TargetGroupArgs", "targetType" },
        { "lb/listener", "ListenerArgs", "loadBalancerArn defaultActions" },
        { "ec2/vpcEndpointService", "VpcEndpointServiceArgs", "acceptanceRequired allowedPrincipals networkLoadBalancerArns" },
        { "ec2/vpcEndpointServiceAllowedPrinciple", "VpcEndpointServiceAllowedPrincipleArgs", "vpcEndpointServiceId principalArn" },
        { "types/input#ec2", "RouteTableRoute", "cidrBlock destinationPrefixListId gatewayId natGatewayId ipv6CidrBlock" },
        { "types/input#ec2", "SecurityGroupIngress", "protocol fromPort toPort cidrBlocks securityGroups self prefixListIds" },
        { "types/input#ec2", "SecurityGroupEgress", "protocol fromPort toPort cidrBlocks securityGroups self prefixListIds" },
        { "types/input#ec2", "VpcEndpointSubnetConfiguration", "subnetId" },
        { "types/input#ecs", "ServiceNetworkConfiguration", "subnets securityGroups assignPublicIp" },
        { "types/input#ecs", "ServiceCapacityProviderStrategy", "capacityProvider" },
        { "types/input#ecs", "ServiceLoadBalancer", "targetGroupArn" },
        { "types/input#ecs", "TaskDefinitionRuntimePlatform", "operatingSystemFamily" },
        { "types/input#cloudwatch", "EventTargetEcsTarget", "taskDefinitionArn launchType platformVersion networkConfiguration capacityProviderStrategies enableExecuteCommand" },
        { "types/input#cloudwatch", "EventTargetEcsTargetNetworkConfiguration", "subnets securityGroups assignPublicIp" },
        { "types/input#scheduler", "ScheduleTarget", "ecsParameters" },
        { "types/input#scheduler", "ScheduleTargetEcsParameters", "taskDefinitionArn launchType platformVersion networkConfiguration capacityProviderStrategies enableExecuteCommand" },
        { "types/input#scheduler", "ScheduleTargetEcsParametersNetworkConfiguration", "subnets securityGroups assignPublicIp" },
        { "types/input#lb", "LoadBalancerSubnetMapping", "subnetId" },
        { "types/input#ecs", "ServiceServiceConnectConfiguration", "enabled" },
        { "types/input#ec2", "ManagedPrefixListEntry", "cidr" },
        { "types/input#ec2", "NatGatewayAvailabilityZoneAddress", "allocationIds" },
        { "types/input#lb", "ListenerDefaultAction", "targetGroupArn forward" },
        { "types/input#lb", "ListenerDefaultActionForward", "targetGroups" },
        { "types/input#lb", "ListenerDefaultActionForwardTargetGroup", "arn" },
    };

    [Theory]
    [MemberData(nameof(Properties))]
    public void PropertiesTheModelReadsArePublished(string file, string type, string properties)
    {
        // "types/input#ecs": the interface inside `export declare namespace ecs` of types/input.d.ts.
        var parts = file.Split('#');
        var text = File.ReadAllText(Path.Combine(Package, parts[0] + ".d.ts"));
        if (parts.Length == 2)
        {
            var ns = Regex.Match(text, $@"^export declare namespace {parts[1]} \{{", RegexOptions.Multiline);
            Assert.True(ns.Success, $"namespace {parts[1]} not found in {parts[0]}.d.ts");
            text = text[ns.Index..];
            text = text[..Regex.Match(text, @"^\}", RegexOptions.Multiline).Index];
        }

        var start = Regex.Match(text, $@"^( *)(export )?interface {type} \{{", RegexOptions.Multiline);
        Assert.True(start.Success, $"interface {type} not found in {file}.d.ts");
        var end = Regex.Match(text[start.Index..], $@"^{start.Groups[1].Value}\}}", RegexOptions.Multiline);
        var body = text.Substring(start.Index, end.Index);
        foreach (var property in properties.Split(' '))
        {
            Assert.True(Regex.IsMatch(body, $@"^\s+(readonly )?{property}\??:", RegexOptions.Multiline), $"{type}.{property} is not in {file}.d.ts");
        }
    }
}
