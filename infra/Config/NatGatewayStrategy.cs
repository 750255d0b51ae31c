namespace FargateNetwork.Infra;

/// <summary>How many NAT gateways carry the fixed egress.</summary>
internal enum NatGatewayStrategy
{
    /// <summary>One NAT gateway (in the first AZ) for every AZ: cheapest, one egress IP, but an outage of that AZ stops fixed egress everywhere.</summary>
    Single,

    /// <summary>One NAT gateway per AZ, each AZ's tasks routed to their own: AWS's recommendation; one egress IP per AZ.</summary>
    PerAz,
}
