namespace FargateNetwork.Aws;

/// <summary>
/// The two kinds of VPC endpoint to an AWS service: an interface endpoint (network interfaces in subnets, reached
/// through DNS) or a gateway endpoint (a prefix-list route on route tables; S3 and DynamoDB only).
/// https://docs.aws.amazon.com/vpc/latest/privatelink/concepts.html
/// </summary>
public enum EndpointKind
{
    Interface,
    Gateway,
}
