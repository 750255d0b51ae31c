using FargateNetwork.Policies.Tests.Model;

namespace FargateNetwork.Policies.Tests.Rules;

public class KnownGoodStackTests
{
    public static TheoryData<string, RefStyle> Stacks()
    {
        var data = new TheoryData<string, RefStyle>();
        foreach (var style in new[] { RefStyle.Reference, RefStyle.Id })
        {
            foreach (var name in new[] { "private-endpoints", "public-nat-egress", "private-endpoints+fixed-egress", "privatelink", "ec2-launch-type" })
            {
                data.Add(name, style);
            }
        }

        return data;
    }

    public static StackBuilder Stack(string name, RefStyle style) => name switch
    {
        "private-endpoints" => Scenarios.PrivateEndpoints(style),
        "public-nat-egress" => Scenarios.PublicNatEgress(style),
        "private-endpoints+fixed-egress" => Scenarios.PrivateEndpointsWithFixedEgress(style),
        "privatelink" => Scenarios.PrivateLink(style),
        "ec2-launch-type" => Scenarios.Ec2LaunchType(style),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Stacks))]
    public void KnownGoodStackHasNoViolation(string name, RefStyle style) => Expect.Violations(Stack(name, style));
}
