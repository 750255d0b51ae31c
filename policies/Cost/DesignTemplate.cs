using System.Text;
using StackRules.Inputs;

namespace FargateNetwork.Policies.Cost;

/// <summary>
/// A design of the comparison as a Pulumi YAML template of plain <c>aws:</c> resources, read back through the same
/// reader as <c>check</c>: the comparison's bills are the stack bills of these templates, computed by
/// <see cref="CostModel"/>, not by formulas of its own. Every design has one task subnet per AZ, one ECS service
/// of <see cref="DesignScenario.Tasks"/> Fargate tasks spread over them, an ECR image and awslogs in the Region; a
/// NAT gateway, when the design has one, is a single one in the first AZ (one Elastic IP for the partner to
/// allow-list), so task subnets in the other AZs reach it across AZs.
/// </summary>
public static class DesignTemplate
{
    public static IReadOnlyList<StackResource> Resources(NetworkDesign design, DesignScenario scenario)
    {
        var name = $"design-{NetworkDesigns.Letter(design)}.yaml";
        return StackInput.Parse(Template(design, scenario), name, name).Resources;
    }

    /// <summary>The template text of one design.</summary>
    public static string Template(NetworkDesign design, DesignScenario scenario)
    {
        var azs = scenario.AvailabilityZoneNames;
        var region = scenario.Region;
        var publicTasks = design == NetworkDesign.PublicTasksPartnerNat;
        var y = new StringBuilder();
        y.AppendLine($"name: design-{NetworkDesigns.Letter(design)}");
        y.AppendLine("runtime: yaml");
        y.AppendLine($"description: \"({NetworkDesigns.Letter(design)}) {NetworkDesigns.Describe(design)}\"");
        y.AppendLine("resources:");
        Resource(y, "vpc", "aws:ec2:Vpc", "cidrBlock: 10.0.0.0/16", "enableDnsSupport: true", "enableDnsHostnames: true");
        Resource(y, "igw", "aws:ec2:InternetGateway", "vpcId: ${vpc.id}");
        Resource(y, "public-route-table", "aws:ec2:RouteTable", "vpcId: ${vpc.id}", "routes:", "  - cidrBlock: 0.0.0.0/0", "    gatewayId: ${igw.id}");
        if (NetworkDesigns.HasNat(design))
        {
            // The NAT gateway sits in a public subnet of its own: a route to a NAT in the task subnet itself fails.
            Resource(y, "nat-subnet", "aws:ec2:Subnet", "vpcId: ${vpc.id}", "cidrBlock: 10.0.255.0/24", $"availabilityZone: {azs[0]}");
            Association(y, "nat-subnet", "public-route-table");
            Resource(y, "nat-eip", "aws:ec2:Eip", "domain: vpc");
            Resource(y, "nat-gateway", "aws:ec2:NatGateway", "subnetId: ${nat-subnet.id}", "allocationId: ${nat-eip.id}");
        }

        TaskRouteTable(y, design);
        for (var i = 0; i < azs.Count; i++)
        {
            Resource(y, $"task-subnet-{i + 1}", "aws:ec2:Subnet", "vpcId: ${vpc.id}", $"cidrBlock: 10.0.{i * 16}.0/20", $"availabilityZone: {azs[i]}", $"mapPublicIpOnLaunch: {(publicTasks ? "true" : "false")}");
            Association(y, $"task-subnet-{i + 1}", "task-route-table");
        }

        var taskSubnets = string.Join(", ", Enumerable.Range(1, azs.Count).Select(i => $"\"${{task-subnet-{i}.id}}\""));
        Resource(y, "task-security-group", "aws:ec2:SecurityGroup", "vpcId: ${vpc.id}", "egress:", "  - protocol: tcp", "    fromPort: 443", "    toPort: 443", "    cidrBlocks: [0.0.0.0/0]");
        if (NetworkDesigns.HasEndpoints(design))
        {
            Resource(y, "endpoint-security-group", "aws:ec2:SecurityGroup", "vpcId: ${vpc.id}", "ingress:", "  - protocol: tcp", "    fromPort: 443", "    toPort: 443", "    cidrBlocks: [10.0.0.0/16]");
            foreach (var service in new[] { "ecr.api", "ecr.dkr", "logs" })
            {
                Resource(y, $"endpoint-{service.Replace('.', '-')}", "aws:ec2:VpcEndpoint", "vpcId: ${vpc.id}", $"serviceName: com.amazonaws.{region}.{service}", "vpcEndpointType: Interface", "privateDnsEnabled: true", $"subnetIds: [{taskSubnets}]", "securityGroupIds: [\"${endpoint-security-group.id}\"]");
            }

            Resource(y, "endpoint-s3", "aws:ec2:VpcEndpoint", "vpcId: ${vpc.id}", $"serviceName: com.amazonaws.{region}.s3", "vpcEndpointType: Gateway", "routeTableIds: [\"${task-route-table.id}\"]");
        }

        Resource(y, "log-group", "aws:cloudwatch:LogGroup", "name: /ecs/app");
        var containers = "'[{\"name\":\"app\",\"image\":\"123456789012.dkr.ecr." + region + ".amazonaws.com/app:1\",\"logConfiguration\":{\"logDriver\":\"awslogs\",\"options\":" +
            "{\"awslogs-group\":\"/ecs/app\",\"awslogs-region\":\"" + region + "\",\"awslogs-stream-prefix\":\"app\"}}}]'";
        Resource(y, "task", "aws:ecs:TaskDefinition", "family: app", "requiresCompatibilities: [FARGATE]", "networkMode: awsvpc", "cpu: \"256\"", "memory: \"512\"", $"containerDefinitions: {containers}");
        Resource(y, "service", "aws:ecs:Service", "taskDefinition: ${task.arn}", "launchType: FARGATE", $"desiredCount: {scenario.Tasks}", "networkConfiguration:", $"  subnets: [{taskSubnets}]", "  securityGroups: [\"${task-security-group.id}\"]", $"  assignPublicIp: {(publicTasks ? "true" : "false")}");
        return y.ToString();
    }

    private static void TaskRouteTable(StringBuilder y, NetworkDesign design)
    {
        switch (design)
        {
            case NetworkDesign.PrivateNatForEverything:
                Resource(y, "task-route-table", "aws:ec2:RouteTable", "vpcId: ${vpc.id}", "routes:", "  - cidrBlock: 0.0.0.0/0", "    natGatewayId: ${nat-gateway.id}");
                break;
            case NetworkDesign.PublicTasksPartnerNat:
                Resource(y, "task-route-table", "aws:ec2:RouteTable", "vpcId: ${vpc.id}", "routes:", "  - cidrBlock: 0.0.0.0/0", "    gatewayId: ${igw.id}", $"  - cidrBlock: {DesignScenario.PartnerCidr}", "    natGatewayId: ${nat-gateway.id}");
                break;
            case NetworkDesign.PrivateEndpointsPartnerNat:
                Resource(y, "task-route-table", "aws:ec2:RouteTable", "vpcId: ${vpc.id}", "routes:", $"  - cidrBlock: {DesignScenario.PartnerCidr}", "    natGatewayId: ${nat-gateway.id}");
                break;
            default:
                Resource(y, "task-route-table", "aws:ec2:RouteTable", "vpcId: ${vpc.id}");
                break;
        }
    }

    private static void Association(StringBuilder y, string subnet, string routeTable) =>
        Resource(y, $"{subnet}-routes", "aws:ec2:RouteTableAssociation", $"subnetId: ${{{subnet}.id}}", $"routeTableId: ${{{routeTable}.id}}");

    private static void Resource(StringBuilder y, string name, string type, params string[] properties)
    {
        y.AppendLine($"  {name}:");
        y.AppendLine($"    type: {type}");
        y.AppendLine("    properties:");
        foreach (var property in properties)
        {
            y.AppendLine($"      {property}");
        }
    }
}
