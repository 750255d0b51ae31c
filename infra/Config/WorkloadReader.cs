using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FargateNetwork.Infra;

/// <summary>Reads <c>fargate-network:workload</c> into a <see cref="Workload"/> (defaults at the record's properties).</summary>
internal static partial class WorkloadReader
{
    /// <summary>The AWS documentation account id; an image in it is a placeholder that cannot be pulled.</summary>
    public const string PlaceholderAccount = "123456789012";

    private static readonly string[] Fields = ["kind", "schedule", "image", "cpu", "memory", "port", "desiredCount", "platformVersion", "secrets", "enableExecuteCommand"];

    public static Workload? Read(ConfigSource source, string? region)
    {
        var key = ConfigSource.Full("workload");
        var node = source.Try(() => source.Json(key) ?? throw source.Error(key, "is required (not set)", $"set at least the image: `pulumi config set --path workload.image <account>.dkr.ecr.<region>.amazonaws.com/app:1.0`"), null);
        var obj = node is null ? null : source.Try(() => source.Object(key, node, Fields), null);
        if (obj is null)
        {
            return null;
        }

        var defaults = new Workload { Image = "" };
        var kind = source.Try(
            () => obj["kind"] is { } k
                ? source.Scalar(key + ".kind", k) switch
                {
                    "service" => WorkloadKind.Service,
                    "scheduled" => WorkloadKind.Scheduled,
                    _ => throw source.Error(key + ".kind", "is not a workload kind", "use service or scheduled"),
                }
                : defaults.Kind,
            (WorkloadKind?)null);
        var schedule = source.Try(() => Schedule(source, key + ".schedule", obj["schedule"], kind), "");
        var image = source.Try(() => Image(source, key + ".image", obj["image"], region), null);
        var cpu = source.Try(() => Cpu(source, key + ".cpu", obj["cpu"], defaults.Cpu), (int?)null);
        var memory = source.Try(() => obj["memory"] is { } m ? source.Int(key + ".memory", m) : defaults.Memory, (int?)null);
        if (cpu is { } c && memory is { } mem && !FargateTaskSize.IsValid(c, mem))
        {
            source.Report(key + ".memory", $"is not a memory size Fargate allows with cpu {c}", $"use {FargateTaskSize.AllowedMemory(c)} MiB, or another cpu", mem.ToString(CultureInfo.InvariantCulture));
            memory = null;
        }

        var port = source.Try(() => obj["port"] is { } p ? Port(source, key + ".port", p) : null, (int?)-1);
        var desired = source.Try(
            () => obj["desiredCount"] is { } dc ? source.Int(key + ".desiredCount", dc) : defaults.DesiredCount,
            (int?)null);
        var platform = source.Try(() => PlatformVersion(source, key + ".platformVersion", obj["platformVersion"], defaults.PlatformVersion), null);
        var secrets = source.Try(() => SecretsReader.Read(source, key + ".secrets", obj["secrets"]), null);
        var exec = source.Try(() => obj["enableExecuteCommand"] is { } ex ? source.Bool(key + ".enableExecuteCommand", ex) : defaults.EnableExecuteCommand, (bool?)null);

        if (kind is null || schedule == "" || image is null || cpu is null || memory is null || port == -1 || desired is null || platform is null || secrets is null || exec is null)
        {
            return null;
        }

        return new Workload
        {
            Kind = kind.Value,
            Schedule = schedule,
            Image = image,
            Cpu = cpu.Value,
            Memory = memory.Value,
            Port = port,
            DesiredCount = desired.Value,
            PlatformVersion = platform,
            Secrets = secrets,
            EnableExecuteCommand = exec.Value,
        };
    }

    private static string? Schedule(ConfigSource source, string key, JsonNode? node, WorkloadKind? kind)
    {
        var schedule = node is null ? null : source.Scalar(key, node);
        if (kind == WorkloadKind.Scheduled)
        {
            if (schedule is null)
            {
                throw source.Error(key, "is required for a scheduled workload", "set an EventBridge schedule expression such as rate(10 minutes)");
            }

            // EventBridge schedule expressions: rate(value unit) or cron(six fields)
            // (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html).
            if (!ScheduleExpression().IsMatch(schedule))
            {
                throw source.Error(key, "is not an EventBridge schedule expression", "use rate(10 minutes), rate(1 hour) or cron(0/10 * * * ? *)");
            }
        }
        else if (schedule is not null && kind is not null)
        {
            throw source.Error(key, "only applies to kind scheduled", "remove it or set kind to scheduled");
        }

        return schedule;
    }

    /// <summary>
    /// ECS accepts up to 255 letters, digits, hyphens, underscores, colons, periods, slashes and number signs; with a
    /// digest the limit applies before the @ and the digest is sha256: plus 64 hex digits
    /// (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html, "image").
    /// </summary>
    private static string Image(ConfigSource source, string key, JsonNode? node, string? region)
    {
        var image = node is null ? null : source.Scalar(key, node);
        if (string.IsNullOrEmpty(image))
        {
            throw source.Error(key, "is required (not set)", "set an image such as <account>.dkr.ecr.<region>.amazonaws.com/app:1.0");
        }

        var at = image.IndexOf('@', StringComparison.Ordinal);
        var name = at < 0 ? image : image[..at];
        if (name.Length > 255 || !ImageName().IsMatch(name) || (at >= 0 && !Digest().IsMatch(image[(at + 1)..])))
        {
            throw source.Error(key, "is not an image reference ECS accepts (at most 255 letters, digits, - _ : . / #, optionally @sha256: and 64 hex digits)", "use repository-url/image:tag or repository-url/image@sha256:<digest>");
        }

        if (image.StartsWith(PlaceholderAccount + ".dkr.ecr.", StringComparison.Ordinal))
        {
            source.Warn(key, $"the image is in account {PlaceholderAccount}, the AWS documentation placeholder, so tasks cannot pull it; put your own image there (push it to ECR in {region ?? "aws:region"}: <your account>.dkr.ecr.{region ?? "<region>"}.amazonaws.com/<repository>:<tag>)");
        }

        return image;
    }

    private static int Cpu(ConfigSource source, string key, JsonNode? node, int fallback)
    {
        var cpu = node is null ? fallback : source.Int(key, node);
        return FargateTaskSize.IsValidCpu(cpu)
            ? cpu
            : throw source.Error(key, "is not a Fargate task CPU size", $"use one of {string.Join(", ", FargateTaskSize.CpuValues)}", cpu.ToString(CultureInfo.InvariantCulture));
    }

    private static int? Port(ConfigSource source, string key, JsonNode node)
    {
        var port = source.Int(key, node);
        return port is >= 1 and <= 65535 ? port : throw source.Error(key, "is not a TCP port", "use 1-65535", port.ToString(CultureInfo.InvariantCulture));
    }

    private static string PlatformVersion(ConfigSource source, string key, JsonNode? node, string fallback)
    {
        var platform = node is null ? fallback : source.Scalar(key, node);
        if (platform == "LATEST")
        {
            return platform;
        }

        // PV 1.4.0 moved all task traffic (ECR auth, secrets) onto the task ENI; the endpoint set here assumes it.
        // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-version-migration.html
        if (!PlatformVersionText().IsMatch(platform) || !Version.TryParse(platform, out var version))
        {
            throw source.Error(key, "is not a Fargate platform version", "use LATEST or 1.4.0");
        }

        return version >= new Version(1, 4, 0)
            ? platform
            : throw source.Error(key, "is older than 1.4.0 (tasks would fetch ECR auth and secrets outside the VPC, and ECS Exec would not work)", "use LATEST or 1.4.0", platform);
    }

    [GeneratedRegex(@"\A(rate\([1-9]\d{0,5} (minute|minutes|hour|hours|day|days)\)|cron\([^()\n]{1,256}\)|at\([^()\n]{1,64}\))\z")]
    private static partial Regex ScheduleExpression();

    [GeneratedRegex(@"\A[A-Za-z0-9_:./#-]+\z")]
    private static partial Regex ImageName();

    [GeneratedRegex(@"\Asha256:[A-Fa-f0-9]{64}\z")]
    private static partial Regex Digest();

    [GeneratedRegex(@"\A\d{1,3}\.\d{1,3}\.\d{1,3}\z")]
    private static partial Regex PlatformVersionText();
}
