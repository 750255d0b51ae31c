namespace FargateNetwork.Infra;

/// <summary>
/// Built-in config for discovery mode (no <c>PULUMI_STACK</c>: package discovery, <c>pulumi install</c>,
/// <c>pulumi new</c>). Pulumi only reads the packages and versions from that template, so it turns every option on
/// and thereby names every resource type this compiler can emit, all with the same pinned version (the image is in
/// the Region's private ECR, so the tasks need, and the template has, the ECR interface endpoints and the S3 gateway).
/// </summary>
internal static class DiscoveryConfig
{
    public static Dictionary<string, string?> Values { get; } = new(StringComparer.Ordinal)
    {
        ["aws:region"] = "us-east-1",
        ["fargate-network:topology"] = "private-endpoints",
        ["fargate-network:vpcCidr"] = "10.0.0.0/16",
        ["fargate-network:availabilityZones"] = """["us-east-1a","us-east-1b"]""",
        ["fargate-network:fixedEgress"] = """{"destinations":["203.0.113.0/24"],"natGateways":"perAz"}""",
        ["fargate-network:workload"] = """{"kind":"service","image":"111122223333.dkr.ecr.us-east-1.amazonaws.com/app:1.0","port":8080,"enableExecuteCommand":true,"secrets":[{"name":"EXAMPLE_SECRET","valueFrom":"arn:aws:secretsmanager:us-east-1:123456789012:secret:example-AbCdEf"},{"name":"EXAMPLE_PARAMETER","valueFrom":"arn:aws:ssm:us-east-1:123456789012:parameter/example"}]}""",
        ["fargate-network:privateLink"] = """{"enabled":true,"allowedPrincipals":["arn:aws:iam::123456789012:root"]}""",
        ["fargate-network:extraEndpoints"] = """["sts","xray"]""",
    };
}
