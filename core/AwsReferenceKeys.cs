namespace FargateNetwork.Aws;

/// <summary>
/// Property names of pulumi-aws resources that hold the ids or ARNs of one resource type (<c>subnetId</c> holds a
/// subnet's id): in a preview such ids are unknown, and these keys let the policy pack tell which of a property's
/// dependencies they name.
/// </summary>
public static class AwsReferenceKeys
{
    /// <summary>Each key and the type token of the resources its ids belong to.</summary>
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["vpcId"] = AwsTypes.Vpc,
        ["subnetId"] = AwsTypes.Subnet,
        ["subnetIds"] = AwsTypes.Subnet,
        ["subnets"] = AwsTypes.Subnet,
        ["securityGroupId"] = AwsTypes.SecurityGroup,
        ["securityGroupIds"] = AwsTypes.SecurityGroup,
        ["securityGroups"] = AwsTypes.SecurityGroup,
        ["vpcSecurityGroupIds"] = AwsTypes.SecurityGroup,
        ["routeTableId"] = AwsTypes.RouteTable,
        ["routeTableIds"] = AwsTypes.RouteTable,
        ["natGatewayId"] = AwsTypes.NatGateway,
        ["gatewayId"] = AwsTypes.InternetGateway,
        ["allocationId"] = AwsTypes.Eip,
        ["vpcEndpointId"] = AwsTypes.VpcEndpoint,
        ["targetGroupArn"] = AwsTypes.TargetGroup,
        ["loadBalancerArn"] = AwsTypes.LoadBalancer,
        ["taskDefinition"] = AwsTypes.TaskDefinition,
        ["taskDefinitionArn"] = AwsTypes.TaskDefinition,
    };
}
