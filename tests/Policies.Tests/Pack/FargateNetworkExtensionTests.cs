using FargateNetwork.Policies.Pack;
using FargateNetwork.Policies.Reachability;
using FargateNetwork.Policies.Tests.Model;

namespace FargateNetwork.Policies.Tests.Pack;

/// <summary>
/// Issue 14 item 5: the Fargate network model and its reachability are offered to other packs as a StackRules
/// extension. A team's own stack policy, in a pack of its own, asks how each task subnet reaches ECR.
/// </summary>
public class FargateNetworkExtensionTests
{
    /// <summary>A team's rule: image pulls never leave through a NAT gateway (cost), built on the Fargate model.</summary>
    private static readonly StackPolicy NoPullsThroughNat = new("no-pulls-through-nat", "Image pulls stay off NAT gateways.")
    {
        EnforcementLevel = EnforcementLevel.Mandatory,
        Validate = (args, violations) =>
        {
            var network = args.Use(FargateNetworkExtension.Network);
            foreach (var (placement, subnet) in network.TaskSubnets)
            {
                if (network.Reachability.Find(placement, subnet, Destination.ForService(Destination.EcrDkr)).Kind == PathKind.NatGateway)
                {
                    violations.Add(subnet.Resource, $"{subnet.Name} pulls images through a NAT gateway.");
                }
            }
        },
    };

    private static readonly PolicyPack TeamPack = new("team", "1.0.0", [NoPullsThroughNat]);

    [Fact]
    public void AnotherPacksStackPolicyReadsTheReachabilityOfTheFargateModel()
    {
        var b = Scenarios.PrivateEndpoints().Remove("ecr.dkr");
        Scenarios.PublicNat(b);
        b.Add("aws:ec2/route:Route", "defaultToNat", ("routeTableId", b.Ref("privateRt")), ("destinationCidrBlock", "0.0.0.0/0"), ("natGatewayId", b.Ref("nat")));
        var violations = TeamPack.Defaults().AnalyzeStack(b.Build());
        Assert.Equal(["taskA", "taskC"], violations.Select(v => v.Name).Order());
        Assert.All(violations, v => Assert.Equal(EnforcementLevel.Mandatory, v.Level));
    }

    [Fact]
    public void WithEndpointsTheTeamPolicyPasses() =>
        Assert.Empty(TeamPack.Defaults().AnalyzeStack(Scenarios.PrivateEndpoints().Build()));
}
