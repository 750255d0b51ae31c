using FargateNetwork.Policies.Pack;
using FargateNetwork.Policies.Stack;

namespace FargateNetwork.Policies.Contract;

/// <summary>One policy: its metadata and a query over the model that yields findings.</summary>
public interface IPolicy
{
    PolicyInfo Info { get; }

    IEnumerable<Finding> Check(PolicyContext context, PolicySettings settings);
}

/// <summary>A finding on one resource. <see cref="AdvisoryOnly"/> findings are never mandatory, whatever the policy's level.</summary>
public sealed record Finding(StackResource Resource, string Message, bool AdvisoryOnly = false);
