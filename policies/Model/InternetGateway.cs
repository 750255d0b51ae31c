
namespace FargateNetwork.Policies.Model;

/// <summary>An <c>aws:ec2/internetGateway:InternetGateway</c>, attached by <c>vpcId</c> or an <c>InternetGatewayAttachment</c>.</summary>
public sealed class InternetGateway(StackResource resource)
{
    public StackResource Resource { get; } = resource;

    public Vpc? Vpc { get; internal set; }
}
