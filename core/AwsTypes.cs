namespace FargateNetwork.Aws;

/// <summary>
/// Pulumi type tokens of pulumi-aws 7.48.0 (the <c>__pulumiType</c> of each class in the published @pulumi/aws
/// package; a provider-truth test checks every one). The compiler emits them; the pack reads them. The
/// <c>aws:alb/*</c> tokens are the provider's aliases of the <c>aws:lb/*</c> ones.
/// </summary>
public static class AwsTypes
{
    public const string Vpc = "aws:ec2/vpc:Vpc";
    public const string Subnet = "aws:ec2/subnet:Subnet";
    public const string RouteTable = "aws:ec2/routeTable:RouteTable";
    public const string DefaultRouteTable = "aws:ec2/defaultRouteTable:DefaultRouteTable";
    public const string Route = "aws:ec2/route:Route";
    public const string RouteTableAssociation = "aws:ec2/routeTableAssociation:RouteTableAssociation";
    public const string MainRouteTableAssociation = "aws:ec2/mainRouteTableAssociation:MainRouteTableAssociation";
    public const string InternetGateway = "aws:ec2/internetGateway:InternetGateway";
    public const string InternetGatewayAttachment = "aws:ec2/internetGatewayAttachment:InternetGatewayAttachment";
    public const string EgressOnlyInternetGateway = "aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway";
    public const string NatGateway = "aws:ec2/natGateway:NatGateway";
    public const string Eip = "aws:ec2/eip:Eip";
    public const string VpcEndpoint = "aws:ec2/vpcEndpoint:VpcEndpoint";
    public const string VpcEndpointRouteTableAssociation = "aws:ec2/vpcEndpointRouteTableAssociation:VpcEndpointRouteTableAssociation";
    public const string VpcEndpointSubnetAssociation = "aws:ec2/vpcEndpointSubnetAssociation:VpcEndpointSubnetAssociation";
    public const string VpcEndpointService = "aws:ec2/vpcEndpointService:VpcEndpointService";
    public const string VpcEndpointServiceAllowedPrinciple = "aws:ec2/vpcEndpointServiceAllowedPrinciple:VpcEndpointServiceAllowedPrinciple";
    public const string ManagedPrefixList = "aws:ec2/managedPrefixList:ManagedPrefixList";
    public const string SecurityGroup = "aws:ec2/securityGroup:SecurityGroup";
    public const string SecurityGroupRule = "aws:ec2/securityGroupRule:SecurityGroupRule";
    public const string SecurityGroupIngressRule = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    public const string SecurityGroupEgressRule = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
    public const string Cluster = "aws:ecs/cluster:Cluster";
    public const string EcsService = "aws:ecs/service:Service";
    public const string TaskDefinition = "aws:ecs/taskDefinition:TaskDefinition";
    public const string LogGroup = "aws:cloudwatch/logGroup:LogGroup";
    public const string EventRule = "aws:cloudwatch/eventRule:EventRule";
    public const string EventTarget = "aws:cloudwatch/eventTarget:EventTarget";
    public const string Schedule = "aws:scheduler/schedule:Schedule";
    public const string Role = "aws:iam/role:Role";
    public const string RolePolicy = "aws:iam/rolePolicy:RolePolicy";
    public const string RolePolicyAttachment = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
    public const string LoadBalancer = "aws:lb/loadBalancer:LoadBalancer";
    public const string AlbLoadBalancer = "aws:alb/loadBalancer:LoadBalancer";
    public const string TargetGroup = "aws:lb/targetGroup:TargetGroup";
    public const string AlbTargetGroup = "aws:alb/targetGroup:TargetGroup";
    public const string Listener = "aws:lb/listener:Listener";
    public const string AlbListener = "aws:alb/listener:Listener";
}
