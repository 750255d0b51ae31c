namespace FargateNetwork.Infra;

/// <summary>
/// The one pulumi-aws version every <c>aws:</c> resource names in <c>options.version</c>, identically in run mode
/// and discovery mode, so package discovery and the run agree (Pulumi reports the first version it meets per package).
/// Must equal the <c>@pulumi/aws</c> version in package.json, whose typings the provider-truth test reads.
/// </summary>
internal static class ProviderPin
{
    public const string AwsVersion = "7.48.0";
}
