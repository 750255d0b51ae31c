namespace FargateNetwork.Analyzer.Tests;

/// <summary>Policy names the tests assert, spelled out (a rename must break a test, as it breaks users' configs).</summary>
public static class PolicyNames
{
    public const string PrivateFargateSubnetEndpoints = "private-fargate-subnet-endpoints";
    public const string EcsEndpointPolicyUnsupported = "ecs-endpoint-policy-unsupported";
}
