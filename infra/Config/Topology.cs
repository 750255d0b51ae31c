namespace FargateNetwork.Infra;

/// <summary>The two network designs.</summary>
internal enum Topology
{
    /// <summary>
    /// Tasks in public subnets with public IPs (image pulls over the internet gateway, no NAT charges); only the
    /// fixed-egress destinations go through a NAT gateway in a separate public subnet, whose Elastic IP is the fixed source
    /// address (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html).
    /// </summary>
    PublicNatEgress,

    /// <summary>Tasks in private subnets reaching ECR, S3, CloudWatch Logs and more through VPC endpoints
    /// (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/vpc-endpoints.html).</summary>
    PrivateEndpoints,
}
