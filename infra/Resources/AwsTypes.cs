namespace FargateNetwork.Infra;

/// <summary>
/// The pulumi-aws 7.48.0 type tokens this compiler emits (each checked against <c>__pulumiType</c> in
/// node_modules/@pulumi/aws by the provider-truth test). Only plain <c>aws:</c> resources, no awsx.
/// </summary>
internal static class AwsTypes
{
    public const string Vpc = "aws:ec2/vpc:Vpc";
    public const string InternetGateway = "aws:ec2/internetGateway:InternetGateway";
    public const string Subnet = "aws:ec2/subnet:Subnet";
    public const string RouteTable = "aws:ec2/routeTable:RouteTable";
    public const string Route = "aws:ec2/route:Route";
    public const string RouteTableAssociation = "aws:ec2/routeTableAssociation:RouteTableAssociation";
    public const string Eip = "aws:ec2/eip:Eip";
    public const string NatGateway = "aws:ec2/natGateway:NatGateway";
    public const string SecurityGroup = "aws:ec2/securityGroup:SecurityGroup";
    public const string VpcEndpoint = "aws:ec2/vpcEndpoint:VpcEndpoint";
    public const string VpcEndpointService = "aws:ec2/vpcEndpointService:VpcEndpointService";
    public const string Cluster = "aws:ecs/cluster:Cluster";
    public const string TaskDefinition = "aws:ecs/taskDefinition:TaskDefinition";
    public const string Service = "aws:ecs/service:Service";
    public const string LogGroup = "aws:cloudwatch/logGroup:LogGroup";
    public const string EventRule = "aws:cloudwatch/eventRule:EventRule";
    public const string EventTarget = "aws:cloudwatch/eventTarget:EventTarget";
    public const string Role = "aws:iam/role:Role";
    public const string RolePolicy = "aws:iam/rolePolicy:RolePolicy";
    public const string RolePolicyAttachment = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
    public const string LoadBalancer = "aws:lb/loadBalancer:LoadBalancer";
    public const string TargetGroup = "aws:lb/targetGroup:TargetGroup";
    public const string Listener = "aws:lb/listener:Listener";
}
