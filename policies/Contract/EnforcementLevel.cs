namespace FargateNetwork.Policies.Contract;

/// <summary>How a violation of a policy is treated, as in Pulumi's policy packs.</summary>
public enum EnforcementLevel
{
    /// <summary>Reported as a warning; the deployment goes on.</summary>
    Advisory,

    /// <summary>Reported as an error; the preview or update fails.</summary>
    Mandatory,

    /// <summary>Not evaluated; reports nothing.</summary>
    Disabled,
}
