using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Model;
using FargateNetwork.Policies.Rules;

namespace FargateNetwork.Policies.Pack;

/// <summary>
/// The Fargate network model and its reachability analysis as a StackRules extension: built once per evaluation, and
/// offered to any pack's stack policy (<c>args.Use(FargateNetworkExtension.Network)</c>), so a team's own policy can
/// ask "how do the tasks of this subnet reach ECR?" without building a model of its own.
/// </summary>
public static class FargateNetworkExtension
{
    /// <summary>
    /// The model of the evaluation's resources. The platform version assumed where a service sets none is
    /// <c>private-fargate-subnet-endpoints</c>' <c>platformVersion</c> when the pack being run has that policy, else
    /// <c>LATEST</c>.
    /// </summary>
    public static StackExtension<PolicyContext> Network { get; } = new(
        "fargate-network",
        context => new PolicyContext(
            NetworkModel.Build(context),
            context.SettingsOf(PrivateFargateSubnetEndpoints.Id)?.Text("platformVersion") ?? "LATEST"));
}
