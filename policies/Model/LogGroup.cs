
namespace FargateNetwork.Policies.Model;

/// <summary>An <c>aws:cloudwatch/logGroup:LogGroup</c>.</summary>
public sealed record LogGroup(StackResource Resource, Fact<string> Name, bool HasNamePrefix);
