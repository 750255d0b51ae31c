namespace FargateNetwork.Aws;

/// <summary>
/// The name of an AWS service's VPC endpoint service, such as <c>com.amazonaws.ap-northeast-1.ecr.api</c>: a prefix,
/// the Region and the service's short name. The prefix is <c>com.amazonaws</c> except for some services in some
/// Regions: in the China Regions ECR, STS, S3 (interface), X-Ray and others use <c>cn.com.amazonaws</c> while
/// CloudWatch Logs, Secrets Manager, SSM and ECS keep <c>com.amazonaws</c>, and the gateway endpoint of S3 keeps it
/// too. The table below holds what <c>aws ec2 describe-vpc-endpoint-services</c>
/// returns in those Regions (as recorded by AWS CDK's <c>InterfaceVpcEndpointAwsService</c>, aws/aws-cdk PR #16139);
/// https://docs.amazonaws.cn/en_us/vpc/latest/privatelink/aws-services-privatelink-support.html lists the names.
/// </summary>
public readonly record struct EndpointServiceName(string Prefix, string Region, string Service)
{
    private const string Default = "com.amazonaws";

    private static readonly string[] KnownPrefixes =
        ["cn.com.amazonaws", "gov.ic.c2s", "gov.sgov.sc2s", "gov.ic.hci.csp", "uk.adc-e.cloud", "eu.amazonaws", Default];

    /// <summary>
    /// Interface services whose name does not start with <c>com.amazonaws</c>, by Region: the Region's prefix and the
    /// services that use it (every other service there keeps <c>com.amazonaws</c>).
    /// </summary>
    private static readonly Dictionary<string, (string Prefix, HashSet<string> Services)> Exceptions = new(StringComparer.Ordinal)
    {
        ["cn-north-1"] = ("cn.com.amazonaws", ["application-autoscaling", "appmesh-envoy-management", "athena", "autoscaling", "awsconnector", "backup", "batch", "cassandra", "cloudcontrolapi", "cloudformation", "codedeploy-commands-secure", "databrew", "dms", "ebs", "ec2", "ecr.api", "ecr.dkr", "eks", "elasticache", "elasticbeanstalk", "elasticfilesystem", "elasticfilesystem-fips", "emr-containers", "execute-api", "fsx", "imagebuilder", "iot.data", "iotsitewise.api", "iotsitewise.data", "kinesis-streams", "lambda", "license-manager", "monitoring", "rds", "redshift", "redshift-data", "s3", "sagemaker.api", "sagemaker.featurestore-runtime", "sagemaker.runtime", "securityhub", "servicecatalog", "sms", "sqs", "states", "sts", "sync-states", "synthetics", "transcribe", "transcribestreaming", "transfer", "xray"]),
        ["cn-northwest-1"] = ("cn.com.amazonaws", ["account", "application-autoscaling", "appmesh-envoy-management", "athena", "autoscaling", "awsconnector", "backup", "batch", "cassandra", "cloudcontrolapi", "cloudformation", "codedeploy-commands-secure", "databrew", "dms", "ebs", "ec2", "ecr.api", "ecr.dkr", "eks", "elasticache", "elasticbeanstalk", "elasticfilesystem", "elasticfilesystem-fips", "emr-containers", "execute-api", "fsx", "imagebuilder", "iot.data", "kinesis-streams", "lambda", "license-manager", "monitoring", "polly", "rds", "redshift", "redshift-data", "s3", "sagemaker.api", "sagemaker.featurestore-runtime", "sagemaker.runtime", "securityhub", "servicecatalog", "sms", "sqs", "states", "sts", "sync-states", "synthetics", "transcribe", "transcribestreaming", "transfer", "workspaces", "xray"]),
        ["eusc-de-east-1"] = ("eu.amazonaws", ["ecr.api", "ecr.dkr", "execute-api", "securityhub"]),
        ["us-iso-east-1"] = ("gov.ic.c2s", ["application-autoscaling", "athena", "autoscaling", "comprehend", "diode-messaging", "diode-messaging-proxy", "ebs", "ec2", "ecr.api", "ecr.dkr", "elasticfilesystem", "elasticfilesystem-fips", "execute-api", "sagemaker.api", "sagemaker.runtime", "sns", "sqs", "textract", "textract-fips", "transcribe", "workspaces"]),
        ["us-iso-west-1"] = ("gov.ic.c2s", ["autoscaling", "ebs", "ec2", "ecr.api", "ecr.dkr", "elasticfilesystem", "elasticfilesystem-fips", "execute-api", "monitoring", "sns", "sqs", "workspaces"]),
        ["us-isob-east-1"] = ("gov.sgov.sc2s", ["application-autoscaling", "autoscaling", "diode-messaging", "diode-messaging-proxy", "ebs", "ec2", "ecr.api", "ecr.dkr", "elasticfilesystem", "elasticfilesystem-fips", "execute-api", "sagemaker.api", "sagemaker.runtime", "sns", "sqs", "workspaces"]),
        ["us-isob-west-1"] = ("gov.sgov.sc2s", ["ecr.api", "ecr.dkr", "elasticfilesystem-fips", "execute-api"]),
        ["us-isof-south-1"] = ("gov.ic.hci.csp", ["ebs", "ecr.api", "ecr.dkr", "execute-api"]),
        ["us-isof-east-1"] = ("gov.ic.hci.csp", ["ebs", "ecr.api", "ecr.dkr", "execute-api"]),
        ["eu-isoe-west-1"] = ("uk.adc-e.cloud", ["ebs", "ecr.api", "ecr.dkr", "execute-api"]),
    };

    /// <summary>The name of <paramref name="service"/>'s endpoint service of <paramref name="kind"/> in <paramref name="region"/>.</summary>
    public static EndpointServiceName For(string region, string service, EndpointKind kind = EndpointKind.Interface)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(service);
        if (kind == EndpointKind.Interface && Exceptions.TryGetValue(region, out var exception) && exception.Services.Contains(service))
        {
            return new EndpointServiceName(exception.Prefix, region, service);
        }

        return new EndpointServiceName(Default, region, service);
    }

    /// <summary>The full name for a message, with <c>&lt;region&gt;</c> where the Region is unknown.</summary>
    public static string Full(string? region, string service) =>
        region is null ? $"{Default}.<region>.{service}" : For(region, service).ToString();

    /// <summary>Reads an AWS service's name in any known prefix; false for anything else (a PrivateLink endpoint service).</summary>
    public static bool TryParse(string? name, out EndpointServiceName parsed)
    {
        parsed = default;
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        foreach (var prefix in KnownPrefixes)
        {
            if (name.Length > prefix.Length + 1 && name.StartsWith(prefix, StringComparison.Ordinal) && name[prefix.Length] == '.')
            {
                var rest = name.AsSpan(prefix.Length + 1);
                var dot = rest.IndexOf('.');
                // com.amazonaws.vpce.REGION.vpce-svc-... names a PrivateLink endpoint service, not an AWS service.
                if (dot <= 0 || dot == rest.Length - 1 || rest[..dot].SequenceEqual("vpce"))
                {
                    return false;
                }

                parsed = new EndpointServiceName(prefix, rest[..dot].ToString(), ServiceOf(rest[(dot + 1)..]));
                return true;
            }
        }

        return false;
    }

    /// <summary>A service's short name: one of the services tasks need as its constant (read for every endpoint), else a new string.</summary>
    private static string ServiceOf(ReadOnlySpan<char> service)
    {
        foreach (var known in (ReadOnlySpan<string>)[AwsService.EcrDkr, AwsService.EcrApi, AwsService.S3, AwsService.Logs, AwsService.SecretsManager,
                     AwsService.Ssm, AwsService.SsmMessages, AwsService.Ecs, AwsService.EcsAgent, AwsService.EcsTelemetry])
        {
            if (service.SequenceEqual(known))
            {
                return known;
            }
        }

        return service.ToString();
    }

    public override string ToString() => $"{Prefix}.{Region}.{Service}";
}
