using System.Runtime.InteropServices;
using FargateNetwork.Policies.Contract;
using FargateNetwork.Policies.Model;
using FargateNetwork.Policies.Reachability;

namespace FargateNetwork.Policies.Rules;

/// <summary>
/// The check shared by <c>private-fargate-subnet-endpoints</c> and <c>ec2-launch-type-ecs-endpoints</c>: in a task
/// subnet with no internet path, every need of the tasks has a path. The fix named is one that works for the reason:
/// endpoints for a service of the VPC's Region, an internet path (NAT) for another Region or another registry, an
/// egress rule when the task security groups close the way.
/// </summary>
internal static class EndpointRequirement
{
    public static IEnumerable<Finding> Check(PolicyContext context, Func<TaskPlacement, bool> applies, string launchTypeName)
    {
        List<(TaskNeed Need, NetworkPath Path)>? missing = null;
        var opening = launchTypeName + " tasks of ";
        foreach (var (placement, subnet) in context.TaskSubnets)
        {
            if (!applies(placement))
            {
                continue;
            }

            var internet = context.Reachability.Find(placement, subnet, Destination.Internet);
            if (!internet.IsNone)
            {
                continue; // reaches the internet (NAT, IGW) or cannot be known
            }

            // One list for the whole check: each message is written before the next subnet is looked at.
            missing?.Clear();
            var needs = context.NeedsOf(placement);
            for (var n = 0; n < needs.Count; n++) // by index: no enumerator boxed per subnet
            {
                var need = needs[n];
                var path = context.PathOf(placement, subnet, need);
                if (path.IsNone)
                {
                    (missing ??= []).Add((need, path));
                }
            }

            if (missing is { Count: > 0 })
            {
                yield return new Finding(placement.Resource, Message(context, placement, subnet, internet, missing, opening));
            }
        }
    }

    /// <summary>The parts of the finding being written (one list per thread, reused).</summary>
    [ThreadStatic]
    private static List<string>? parts;

    /// <summary>
    /// The finding's text, kept as the strings it is made of (<see cref="MessageText.Concat"/>): the sentences are
    /// constants and the names and path details are strings the model and the paths already hold, so a finding costs
    /// the list of them, not its text again (at 10,000 resources the findings' text was the largest thing a call
    /// allocated).
    /// </summary>
    private static MessageText Message(PolicyContext context, TaskPlacement placement, Subnet subnet, NetworkPath internet, List<(TaskNeed Need, NetworkPath Path)> missing, string opening)
    {
        // Literals that always follow each other are one part (a part is a reference in the finding's list).
        var text = parts ??= [];
        text.Clear();
        text.Add(opening);
        text.Add(placement.Name);
        if (subnet.IsOutside)
        {
            text.Add(" run in ");
            text.Add(subnet.Name);
            text.Add(", which has no internet path (");
        }
        else
        {
            text.Add(" run in subnet ");
            text.Add(subnet.Name);
            if (subnet.AvailabilityZone.IsKnown)
            {
                text.Add(" (");
                text.Add(subnet.AvailabilityZone.Shown);
                text.Add("), which has no internet path (");
            }
            else
            {
                text.Add(", which has no internet path (");
            }
        }

        text.Add(internet.Detail);
        text.Add("), and cannot reach: ");
        var fixes = 0;
        for (var i = 0; i < missing.Count; i++)
        {
            var (need, path) = missing[i];
            if (i > 0)
            {
                text.Add("\"); ");
            }

            if (need.Destination.Service is null)
            {
                text.Add(need.Why);
                text.Add(" (the task fails with \"");
            }
            else
            {
                text.Add(context.Describe(need));
                text.Add(" for ");
                text.Add(need.Why);
                text.Add(" (");
                text.Add(path.Detail);
                text.Add("; the task fails with \"");
            }

            text.Add(need.Error);
            fixes |= 1 << (int)FixOf(need, path);
        }

        text.Add(FixTail(fixes));
        var message = MessageText.Concat(CollectionsMarshal.AsSpan(text));
        text.Clear();
        return message;
    }

    /// <summary>The end of a finding for a set of fixes: the last need's closing, then the fixes once each, in ordinal order.</summary>
    private static string FixTail(int fixes)
    {
        if (FixTails[fixes] is { } known)
        {
            return known;
        }

        var tail = new System.Text.StringBuilder("\"). Fix:");
        foreach (var fix in FixesInOrdinalOrder)
        {
            if ((fixes & (1 << (int)fix)) != 0)
            {
                tail.Append(' ').Append(FixText(fix));
            }
        }

        return FixTails[fixes] = tail.ToString();
    }

    /// <summary>Each set of fixes' tail once made (<see cref="FixTail"/>; the same text whichever thread made it).</summary>
    private static readonly string?[] FixTails = new string?[1 << Enum.GetValues<Fix>().Length];

    /// <summary>The fixes a finding can name.</summary>
    private enum Fix
    {
        TaskEgress,
        VpcDns,
        PrivateDns,
        EndpointSecurityGroup,
        OtherRegion,
        OtherRegistry,
        Endpoints,
    }

    /// <summary>Every fix, sorted by its text (ordinal), as a finding lists them.</summary>
    private static readonly Fix[] FixesInOrdinalOrder = Enum.GetValues<Fix>().OrderBy(FixText, StringComparer.Ordinal).ToArray();

    private static Fix FixOf(TaskNeed need, NetworkPath path) => path.Reason switch
    {
        NoPathReason.TaskEgressClosed => Fix.TaskEgress,
        NoPathReason.VpcDnsOff => Fix.VpcDns,
        NoPathReason.PrivateDnsOff => Fix.PrivateDns,
        NoPathReason.SecurityGroupClosed => Fix.EndpointSecurityGroup,
        _ when need.Destination.Region is not null => Fix.OtherRegion,
        _ when need.Destination.Service is null => Fix.OtherRegistry,
        _ => Fix.Endpoints,
    };

    private static string FixText(Fix fix) => fix switch
    {
        Fix.TaskEgress =>
            "add an egress rule for TCP 443 on the task security group (to 0.0.0.0/0, or to the S3 prefix list and the endpoints' security group).",
        Fix.VpcDns => "set enableDnsSupport: true on the VPC.",
        Fix.PrivateDns => "set privateDnsEnabled: true on the endpoint (and enableDnsHostnames: true on the VPC).",
        Fix.EndpointSecurityGroup => "admit TCP 443 from the task security group on the endpoint's security group.",
        Fix.OtherRegion =>
            "give the task subnets an internet path (a NAT gateway route), or move the resource into the VPC's Region (VPC endpoints serve only their own Region).",
        Fix.OtherRegistry =>
            "push the image to a private ECR repository in the stack's Region, or give the task subnets an internet path (a NAT gateway route).",
        _ => "create the missing interface endpoints with private DNS in the task subnets' AZs and the S3 gateway endpoint on the subnet's route table, or give the subnet a NAT gateway route (https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html).",
    };
}
