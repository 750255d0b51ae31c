using static StackRules.ResourceProperties;

namespace FargateNetwork.Policies.Model;

/// <summary>The model builder's reader of VPCs, subnets, internet gateways and NAT gateways.</summary>
internal sealed partial class NetworkModelBuilder
{
    private void AddVpcs()
    {
        foreach (var r in graph.OfType(AwsTypes.Vpc))
        {
            var p = new ResourceProperties(r);
            var vpc = new Vpc(r)
            {
                CidrBlock = ParseCidr(p.Text("cidrBlock")),

                // https://docs.aws.amazon.com/vpc/latest/userguide/vpc-dns.html : DNS support on, hostnames off for a non-default VPC.
                EnableDnsSupport = p.Bool("enableDnsSupport").OrDefault(true),
                EnableDnsHostnames = p.Bool("enableDnsHostnames").OrDefault(false),
            };
            vpcs[r] = vpc;
            model.Vpcs.Add(vpc);
        }
    }

    private void AddSubnets()
    {
        foreach (var r in graph.OfType(AwsTypes.Subnet))
        {
            var p = new ResourceProperties(r);
            var az = p.Text("availabilityZone");
            if (az.IsAbsent)
            {
                az = p.Text("availabilityZoneId");
            }

            var vpcKey = VpcKeyOf(graph.Resolve(r, "vpcId"));
            var subnet = new Subnet(r)
            {
                Vpc = vpcKey.Vpc,
                VpcKey = vpcKey,
                CidrBlock = ParseCidr(p.Text("cidrBlock")),

                // An absent AZ is chosen by AWS at creation: unknown, not absent.
                AvailabilityZone = az.IsAbsent ? Fact<string>.Unknown : az,
                MapPublicIpOnLaunch = p.Bool("mapPublicIpOnLaunch").OrDefault(false),
            };
            subnet.Vpc?.Subnets.Add(subnet);
            subnets[r] = subnet;
            model.Subnets.Add(subnet);
        }
    }

    private void AddInternetGateways()
    {
        foreach (var r in graph.OfType(AwsTypes.InternetGateway))
        {
            var igw = new InternetGateway(r) { Vpc = Lookup(vpcs, graph.Resolve(r, "vpcId")) };
            igw.Vpc?.InternetGateways.Add(igw);
            internetGateways[r] = igw;
            model.InternetGateways.Add(igw);
        }

        foreach (var r in graph.OfType(AwsTypes.InternetGatewayAttachment))
        {
            if (Lookup(internetGateways, graph.Resolve(r, "internetGatewayId")) is { Vpc: null } igw
                && Lookup(vpcs, graph.Resolve(r, "vpcId")) is { } vpc)
            {
                igw.Vpc = vpc;
                vpc.InternetGateways.Add(igw);
            }
        }
    }

    private void AddNatGateways()
    {
        foreach (var r in graph.OfType(AwsTypes.NatGateway))
        {
            var p = new ResourceProperties(r);
            var subnetRef = graph.Resolve(r, "subnetId");
            var allocation = graph.Resolve(r, "allocationId");
            var publicIp = p.Text("publicIp");
            if (!publicIp.IsKnown && allocation.Target is { } eip)
            {
                publicIp = new ResourceProperties(eip).Text("publicIp");
            }

            var nat = new NatGateway(r)
            {
                Subnet = Lookup(subnets, subnetRef),
                SubnetRef = subnetRef.Kind,
                ConnectivityType = p.Text("connectivityType").OrDefault("public"),
                AvailabilityMode = p.Text("availabilityMode").OrDefault("zonal"),
                AllocationId = allocation,
                HasZoneAddresses = AsList(p.Get("availabilityZoneAddresses")) is { } addresses ? Fact<bool>.Of(addresses.Count > 0) : Fact<bool>.Unknown,
                PublicIp = publicIp,
            };
            natGateways[r] = nat;
            model.NatGateways.Add(nat);
        }
    }
}
