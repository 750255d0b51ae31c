namespace FargateNetwork.Infra;

/// <summary>
/// The awsvpc network configuration shared by the ECS service and the EventBridge ECS target: the task subnets, the
/// task security group, and <c>assignPublicIp</c> = true exactly when tasks sit in public subnets (public-nat-egress:
/// a public-subnet task needs a public IP to reach ECR through the internet gateway,
/// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html).
/// </summary>
internal static class TaskNetwork
{
    public static MapNode Configuration(NetworkConfig config, VpcLayout layout, string securityGroup) => new MapNode()
        .Set("subnets", TemplateNode.List(layout.TaskSubnets.Select(s => (TemplateNode)TemplateNode.Ref(s, "id"))))
        .Set("securityGroups", TemplateNode.List(TemplateNode.Ref(securityGroup, "id")))
        .Set("assignPublicIp", layout.Plan.PublicTasks);
}
