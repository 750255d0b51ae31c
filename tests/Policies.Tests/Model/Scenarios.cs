using static FargateNetwork.Policies.Tests.Model.StackBuilder;

namespace FargateNetwork.Policies.Tests.Model;

/// <summary>Known-good stacks, one per network pattern; every rule test changes one thing in one of them.</summary>
public static class Scenarios
{
    public const string Region = "ap-northeast-1";
    public const string Image = "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/app:1";
    public const string SecretArn = "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:db-password-AbCdEf";

    public static string Service(string suffix) => $"com.amazonaws.{Region}.{suffix}";

    /// <summary>A VPC with DNS on and two task subnets in 1a and 1c.</summary>
    public static StackBuilder Vpc(RefStyle style)
    {
        var b = new StackBuilder(style);
        b.Add("aws:ec2/vpc:Vpc", "vpc", ("cidrBlock", "10.0.0.0/16"), ("enableDnsSupport", true), ("enableDnsHostnames", true));
        b.Add("aws:ec2/subnet:Subnet", "taskA", ("vpcId", b.Ref("vpc")), ("cidrBlock", "10.0.1.0/24"), ("availabilityZone", "ap-northeast-1a"));
        b.Add("aws:ec2/subnet:Subnet", "taskC", ("vpcId", b.Ref("vpc")), ("cidrBlock", "10.0.2.0/24"), ("availabilityZone", "ap-northeast-1c"));
        b.Add("aws:ec2/securityGroup:SecurityGroup", "taskSg", ("vpcId", b.Ref("vpc")),
            ("egress", new[] { Obj(("protocol", "-1"), ("fromPort", 0), ("toPort", 0), ("cidrBlocks", new[] { "0.0.0.0/0" })) }));
        return b;
    }

    /// <summary>A task definition (ECR image, awslogs to /ecs/app, one Secrets Manager secret) and its log group.</summary>
    public static void TaskDefinition(StackBuilder b)
    {
        b.Add("aws:cloudwatch/logGroup:LogGroup", "appLogs", ("name", "/ecs/app"));
        b.Add("aws:ecs/taskDefinition:TaskDefinition", "appTask",
            ("family", "app"),
            ("requiresCompatibilities", new[] { "FARGATE" }),
            ("networkMode", "awsvpc"),
            ("containerDefinitions", new[]
            {
                Obj(
                    ("name", "app"),
                    ("image", Image),
                    ("logConfiguration", Obj(("logDriver", "awslogs"), ("options", Obj(("awslogs-group", "/ecs/app"), ("awslogs-region", Region), ("awslogs-stream-prefix", "app"))))),
                    ("secrets", new[] { Obj(("name", "DB_PASSWORD"), ("valueFrom", SecretArn)) })),
            }));
    }

    public static void FargateService(StackBuilder b, bool publicIp, params string[] subnets) =>
        b.Add("aws:ecs/service:Service", "app",
            ("launchType", "FARGATE"),
            ("taskDefinition", b.Arn("appTask")),
            ("desiredCount", 2),
            ("networkConfiguration", Obj(("subnets", b.Refs(subnets)), ("securityGroups", b.Refs("taskSg")), ("assignPublicIp", publicIp))));

    /// <summary>Isolated task subnets: ecr.api, ecr.dkr, logs, secretsmanager interface endpoints and the S3 gateway.</summary>
    public static StackBuilder PrivateEndpoints(RefStyle style = RefStyle.Reference)
    {
        var b = Vpc(style);
        b.Add("aws:ec2/routeTable:RouteTable", "privateRt", ("vpcId", b.Ref("vpc")));
        b.Add("aws:ec2/routeTableAssociation:RouteTableAssociation", "privateRtA", ("subnetId", b.Ref("taskA")), ("routeTableId", b.Ref("privateRt")));
        b.Add("aws:ec2/routeTableAssociation:RouteTableAssociation", "privateRtC", ("subnetId", b.Ref("taskC")), ("routeTableId", b.Ref("privateRt")));
        b.Add("aws:ec2/securityGroup:SecurityGroup", "endpointSg", ("vpcId", b.Ref("vpc")),
            ("ingress", new[] { Obj(("protocol", "tcp"), ("fromPort", 443), ("toPort", 443), ("securityGroups", b.Refs("taskSg"))) }));
        foreach (var service in new[] { "ecr.api", "ecr.dkr", "logs", "secretsmanager" })
        {
            InterfaceEndpoint(b, service);
        }

        b.Add("aws:ec2/vpcEndpoint:VpcEndpoint", "s3", ("vpcId", b.Ref("vpc")), ("serviceName", Service("s3")), ("vpcEndpointType", "Gateway"), ("routeTableIds", b.Refs("privateRt")));
        TaskDefinition(b);
        FargateService(b, false, "taskA", "taskC");
        return b;
    }

    public static StackBuilder.Entry InterfaceEndpoint(StackBuilder b, string service) =>
        b.Add("aws:ec2/vpcEndpoint:VpcEndpoint", service,
            ("vpcId", b.Ref("vpc")),
            ("serviceName", Service(service)),
            ("vpcEndpointType", "Interface"),
            ("privateDnsEnabled", true),
            ("subnetIds", b.Refs("taskA", "taskC")),
            ("securityGroupIds", b.Refs("endpointSg")));

    /// <summary>A public NAT gateway with an Elastic IP in public subnet natC (routed to the internet gateway).</summary>
    public static void PublicNat(StackBuilder b)
    {
        b.Add("aws:ec2/internetGateway:InternetGateway", "igw", ("vpcId", b.Ref("vpc")));
        b.Add("aws:ec2/subnet:Subnet", "natC", ("vpcId", b.Ref("vpc")), ("cidrBlock", "10.0.100.0/24"), ("availabilityZone", "ap-northeast-1c"), ("mapPublicIpOnLaunch", true));
        b.Add("aws:ec2/routeTable:RouteTable", "natRt", ("vpcId", b.Ref("vpc")),
            ("routes", new[] { Obj(("cidrBlock", "0.0.0.0/0"), ("gatewayId", b.Ref("igw"))) }));
        b.Add("aws:ec2/routeTableAssociation:RouteTableAssociation", "natRtC", ("subnetId", b.Ref("natC")), ("routeTableId", b.Ref("natRt")));
        b.Add("aws:ec2/eip:Eip", "natEip", ("domain", "vpc"));
        b.Add("aws:ec2/natGateway:NatGateway", "nat", ("subnetId", b.Ref("natC")), ("allocationId", b.Ref("natEip")));
    }

    /// <summary>
    /// The public-nat-egress pattern: tasks in public subnet taskA with a public IP (image pulls through the internet gateway),
    /// only the allow-listed 203.0.113.10/32 routed to the NAT gateway in the other public subnet.
    /// </summary>
    public static StackBuilder PublicNatEgress(RefStyle style = RefStyle.Reference)
    {
        var b = Vpc(style);
        PublicNat(b);
        b.Add("aws:ec2/routeTable:RouteTable", "taskRt", ("vpcId", b.Ref("vpc")));
        b.Add("aws:ec2/route:Route", "taskDefault", ("routeTableId", b.Ref("taskRt")), ("destinationCidrBlock", "0.0.0.0/0"), ("gatewayId", b.Ref("igw")));
        b.Add("aws:ec2/route:Route", "partner", ("routeTableId", b.Ref("taskRt")), ("destinationCidrBlock", "203.0.113.10/32"), ("natGatewayId", b.Ref("nat")));
        b.Add("aws:ec2/routeTableAssociation:RouteTableAssociation", "taskRtA", ("subnetId", b.Ref("taskA")), ("routeTableId", b.Ref("taskRt")));
        TaskDefinition(b);
        FargateService(b, true, "taskA");
        return b;
    }

    /// <summary>Private endpoints plus an allow-listed partner range routed to a NAT gateway in a public subnet.</summary>
    public static StackBuilder PrivateEndpointsWithFixedEgress(RefStyle style = RefStyle.Reference)
    {
        var b = PrivateEndpoints(style);
        PublicNat(b);
        b.Add("aws:ec2/route:Route", "partner", ("routeTableId", b.Ref("privateRt")), ("destinationCidrBlock", "198.51.100.0/24"), ("natGatewayId", b.Ref("nat")));
        return b;
    }

    /// <summary>Private endpoints, and the service published through PrivateLink: internal NLB in both AZs, ip target group.</summary>
    public static StackBuilder PrivateLink(RefStyle style = RefStyle.Reference)
    {
        var b = PrivateEndpoints(style);
        b.Add("aws:lb/loadBalancer:LoadBalancer", "nlb", ("internal", true), ("loadBalancerType", "network"), ("subnets", b.Refs("taskA", "taskC")));
        b.Add("aws:lb/targetGroup:TargetGroup", "tg", ("port", 8080), ("protocol", "TCP"), ("targetType", "ip"), ("vpcId", b.Ref("vpc")));
        b.Add("aws:lb/listener:Listener", "listener", ("loadBalancerArn", b.Arn("nlb")), ("port", 443), ("protocol", "TCP"),
            ("defaultActions", new[] { Obj(("type", "forward"), ("targetGroupArn", b.Arn("tg"))) }));
        b.Set("app", "loadBalancers", new[] { Obj(("targetGroupArn", b.Arn("tg")), ("containerName", "app"), ("containerPort", 8080)) });
        b.Add("aws:ec2/vpcEndpointService:VpcEndpointService", "endpointService",
            ("acceptanceRequired", true),
            ("networkLoadBalancerArns", new[] { b.Arn("nlb") }),
            ("allowedPrincipals", new[] { "arn:aws:iam::111122223333:root" }));
        return b;
    }

    /// <summary>Private endpoints for the EC2 launch type: also ecs, ecs-agent and ecs-telemetry.</summary>
    public static StackBuilder Ec2LaunchType(RefStyle style = RefStyle.Reference)
    {
        var b = PrivateEndpoints(style);
        foreach (var service in new[] { "ecs", "ecs-agent", "ecs-telemetry" })
        {
            InterfaceEndpoint(b, service);
        }

        b.Set("app", "launchType", "EC2");
        b.Set("appTask", "requiresCompatibilities", new[] { "EC2" });
        return b;
    }

    public static IReadOnlyList<StackResource> Build(StackBuilder b) => b.Build();

    /// <summary>
    /// Endpoints and tasks share one group whose only rules are TCP 443 to and from itself; the tasks' subnets are
    /// literal ids (or an invoke's unknown list in a template).
    /// </summary>
    public static StackBuilder SelfOnlyGroup(RefStyle style, bool invoke)
    {
        var b = PrivateEndpoints(style);
        var self = Obj(("protocol", "tcp"), ("fromPort", 443), ("toPort", 443), ("self", true));
        b.Set("taskSg", "egress", new[] { self }).Set("taskSg", "ingress", new[] { self });
        foreach (var service in new[] { "ecr.api", "ecr.dkr", "logs", "secretsmanager" })
        {
            b.Set(service, "securityGroupIds", b.Refs("taskSg"));
        }

        var network = (ObjectValue)b["app"].Props["networkConfiguration"];
        var subnets = invoke ? (PropertyValue)UnknownValue.Instance : Value(new[] { "subnet-0aaa1111", "subnet-0bbb2222" });
        var changed = new Dictionary<string, PropertyValue>(network.Properties, StringComparer.Ordinal) { ["subnets"] = subnets };
        b.Set("app", "networkConfiguration", new ObjectValue(changed));
        return b;
    }
}
