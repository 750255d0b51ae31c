namespace FargateNetwork.Infra;

/// <summary>
/// What a stack's topology implies, decided once from its config: whether tasks sit in public subnets (with public
/// IPs), whether the VPC has an internet gateway (public tasks, or NAT gateways for fixed egress: a public NAT gateway
/// needs one, https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html), whether the tasks reach AWS
/// services through VPC endpoints, and how many NAT gateways carry the fixed egress.
/// </summary>
internal sealed record NetworkPlan(bool PublicTasks, bool InternetGateway, bool VpcEndpoints, int NatGateways)
{
    public static NetworkPlan Of(NetworkConfig config)
    {
        var publicTasks = config.Topology == Topology.PublicNatEgress;
        var nats = config.FixedEgress switch
        {
            null => 0,
            { NatGateways: NatGatewayStrategy.PerAz } => config.AvailabilityZones.Count,
            _ => 1,
        };
        return new NetworkPlan(publicTasks, publicTasks || nats > 0, config.Topology == Topology.PrivateEndpoints, nats);
    }
}
