using System.Globalization;
using System.Text.RegularExpressions;

namespace FargateNetwork.Infra;

/// <summary>Reads <c>fargate-network:privateLink</c> into a <see cref="PrivateLinkService"/> (disabled when not set).</summary>
internal static partial class PrivateLinkReader
{
    private static readonly string[] Fields = ["enabled", "port", "allowedPrincipals", "acceptanceRequired"];

    public static PrivateLinkService? Read(ConfigSource source, Topology? topology, Workload? workload)
    {
        var key = ConfigSource.Full("privateLink");
        var defaults = new PrivateLinkService();
        var node = source.Try(() => source.Json(key), null);
        if (node is null)
        {
            return source.Text(key) is null ? defaults : null;
        }

        var obj = source.Try(() => source.Object(key, node, Fields), null);
        if (obj is null)
        {
            return null;
        }

        var enabled = source.Try(() => obj["enabled"] is { } e ? source.Bool(key + ".enabled", e) : defaults.Enabled, (bool?)null);
        var port = source.Try(() => obj["port"] is { } p ? source.Int(key + ".port", p) : defaults.Port, (int?)-1);
        var principals = source.Try(() => obj["allowedPrincipals"] is { } ap ? Principals(source, key + ".allowedPrincipals", source.StringList(key + ".allowedPrincipals", ap)) : [.. defaults.AllowedPrincipals], null);
        var acceptance = source.Try(() => obj["acceptanceRequired"] is { } ar ? source.Bool(key + ".acceptanceRequired", ar) : defaults.AcceptanceRequired, (bool?)null);
        if (enabled is null || port == -1 || principals is null || acceptance is null)
        {
            return null;
        }

        if (enabled == true)
        {
            if (topology == Topology.PublicNatEgress)
            {
                source.Report(key + ".enabled", "only works with topology private-endpoints", "set enabled to false, or use topology private-endpoints");
                return null;
            }

            if (workload is { Kind: not WorkloadKind.Service })
            {
                source.Report(key + ".enabled", "needs a workload of kind service (a scheduled task cannot sit behind a load balancer)", $"set {ConfigSource.Full("workload")}.kind to service, or disable privateLink");
                return null;
            }

            if (workload is { Port: null })
            {
                source.Report(ConfigSource.Full("workload") + ".port", "is required with privateLink (the NLB forwards to it)", "set workload.port, e.g. 8080");
                return null;
            }

            port ??= workload?.Port;
            if (port is < 1 or > 65535)
            {
                source.Report(key + ".port", "is not a TCP port", "use 1-65535", port.Value.ToString(CultureInfo.InvariantCulture));
                return null;
            }
        }

        return new PrivateLinkService { Enabled = enabled.Value, Port = port, AllowedPrincipals = principals, AcceptanceRequired = acceptance.Value };
    }

    private static List<string> Principals(ConfigSource source, string key, List<string> principals)
    {
        foreach (var principal in principals)
        {
            if (principal != "*" && !PrincipalArn().IsMatch(principal))
            {
                throw source.Error(key, "lists a value that is not an IAM principal ARN", "use arn:aws:iam::<account>:root, a role or user ARN, or *");
            }
        }

        return principals;
    }

    [GeneratedRegex(@"\Aarn:aws(-[a-z]+)*:iam::\d{12}:(root|(role|user)/[A-Za-z0-9+=,.@_/-]{1,512})\z")]
    private static partial Regex PrincipalArn();
}
