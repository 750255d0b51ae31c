namespace FargateNetwork.Policies.Stack;

/// <summary>
/// In a preview, the ids that link resources (<c>vpcId</c>, <c>subnetIds</c>, <c>networkConfiguration.subnets</c>) are
/// unknown; only <c>propertyDependencies</c> (top-level property → URNs) tells which resources they come from. This
/// turns an unknown into a <see cref="ReferenceValue"/> when that is unambiguous:
/// <list type="bullet">
/// <item>a top-level unknown whose property holds ids or ARNs (its key names a resource type, or ends in Id, Ids, Arn,
/// Arns) and depends on exactly one resource;</item>
/// <item>a top-level list of N unknowns in such a property that depends on N resources of one type (<c>subnetIds</c>
/// of two new subnets, <c>networkLoadBalancerArns</c>);</item>
/// <item>an unknown, or a list of unknowns, under a key that names one kind of resource (<c>subnetId</c>,
/// <c>subnets</c>, <c>securityGroupIds</c>...), when the property's dependencies of that type are exactly as many as
/// the unknowns (a list of ids is a set, so the order does not matter).</item>
/// </list>
/// Anything else stays unknown, and the rules stay silent on it. The analyzer (Struct with propertyDependencies) and
/// the preview-JSON reader both use this one resolver, so the offline check and <c>pulumi preview --policy-pack</c>
/// see the same relations.
/// </summary>
public static class DependencyReferences
{
    /// <summary>Keys that hold ids of one resource type, and that type.</summary>
    private static readonly Dictionary<string, string> KeyTypes = new(StringComparer.Ordinal)
    {
        ["vpcId"] = "aws:ec2/vpc:Vpc",
        ["subnetId"] = "aws:ec2/subnet:Subnet",
        ["subnetIds"] = "aws:ec2/subnet:Subnet",
        ["subnets"] = "aws:ec2/subnet:Subnet",
        ["securityGroupId"] = "aws:ec2/securityGroup:SecurityGroup",
        ["securityGroupIds"] = "aws:ec2/securityGroup:SecurityGroup",
        ["securityGroups"] = "aws:ec2/securityGroup:SecurityGroup",
        ["vpcSecurityGroupIds"] = "aws:ec2/securityGroup:SecurityGroup",
        ["routeTableId"] = "aws:ec2/routeTable:RouteTable",
        ["routeTableIds"] = "aws:ec2/routeTable:RouteTable",
        ["natGatewayId"] = "aws:ec2/natGateway:NatGateway",
        ["gatewayId"] = "aws:ec2/internetGateway:InternetGateway",
        ["allocationId"] = "aws:ec2/eip:Eip",
        ["vpcEndpointId"] = "aws:ec2/vpcEndpoint:VpcEndpoint",
        ["targetGroupArn"] = "aws:lb/targetGroup:TargetGroup",
        ["loadBalancerArn"] = "aws:lb/loadBalancer:LoadBalancer",
        ["taskDefinition"] = "aws:ecs/taskDefinition:TaskDefinition",
        ["taskDefinitionArn"] = "aws:ecs/taskDefinition:TaskDefinition",
    };

    /// <summary>The type token of a URN: the part after the last <c>$</c> of its qualified type.</summary>
    public static string TypeOfUrn(string urn)
    {
        var parts = urn.Split("::");
        if (parts.Length < 4)
        {
            return "";
        }

        var qualified = parts[2];
        var dollar = qualified.LastIndexOf('$');
        return dollar < 0 ? qualified : qualified[(dollar + 1)..];
    }

    /// <summary>Applies the rules above to a resource's properties.</summary>
    public static ObjectValue Resolve(ObjectValue properties, IReadOnlyDictionary<string, IReadOnlyList<string>> dependencies)
    {
        if (dependencies.Count == 0)
        {
            return properties;
        }

        var result = new Dictionary<string, PropertyValue>(properties.Properties, StringComparer.Ordinal);
        foreach (var (key, value) in properties.Properties)
        {
            if (!dependencies.TryGetValue(key, out var urns) || urns.Count == 0)
            {
                continue;
            }

            // Only a property that holds ids or ARNs can *be* the resource it depends on: containerDefinitions
            // depends on the log group but is a JSON document, cidrBlocks may depend on subnets but are CIDRs.
            if (!HoldsIds(key, urns))
            {
                result[key] = Rewrite(key, value, urns);
                continue;
            }

            if (urns.Count == 1 && value is UnknownValue or SecretValue { Inner: UnknownValue })
            {
                PropertyValue reference = new ReferenceValue(urns[0], "id");
                result[key] = value is SecretValue ? new SecretValue(reference) : reference;
                continue;
            }

            var distinct = urns.Distinct(StringComparer.Ordinal).ToList();
            if (value is ArrayValue { Items.Count: > 0 } list && list.Items.All(i => i is UnknownValue)
                && distinct.Count == list.Items.Count && distinct.Select(TypeOfUrn).Distinct(StringComparer.Ordinal).Count() == 1)
            {
                result[key] = new ArrayValue(distinct.Select(u => (PropertyValue)new ReferenceValue(u, "id")).ToList());
                continue;
            }

            result[key] = Rewrite(key, value, urns);
        }

        return new ObjectValue(result);
    }

    /// <summary>
    /// Whether a top-level property holds the ids or ARNs of the resources it depends on: a key that names a resource
    /// type (then the dependencies must all be of that type), or any key ending in Id, Ids, Arn or Arns.
    /// </summary>
    private static bool HoldsIds(string key, IReadOnlyList<string> urns) =>
        KeyTypes.TryGetValue(key, out var type)
            ? urns.All(u => TypeOfUrn(u) == type)
            : key.EndsWith("Id", StringComparison.Ordinal) || key.EndsWith("Ids", StringComparison.Ordinal)
              || key.EndsWith("Arn", StringComparison.Ordinal) || key.EndsWith("Arns", StringComparison.Ordinal);

    private static PropertyValue Rewrite(string key, PropertyValue value, IReadOnlyList<string> urns)
    {
        switch (value)
        {
            case UnknownValue when Candidates(key, urns) is [var only]:
                return new ReferenceValue(only, "id");
            case ArrayValue array when array.Items.Count > 0 && array.Items.All(i => i is UnknownValue)
                                       && Candidates(key, urns) is { } candidates && candidates.Count == array.Items.Count:
                return new ArrayValue(candidates.Select(u => (PropertyValue)new ReferenceValue(u, "id")).ToList());
            case ArrayValue array:
                return new ArrayValue(array.Items.Select(i => Rewrite("", i, urns)).ToList());
            case ObjectValue obj:
                return new ObjectValue(obj.Properties.ToDictionary(p => p.Key, p => Rewrite(p.Key, p.Value, urns), StringComparer.Ordinal));
            case SecretValue secret:
                return new SecretValue(Rewrite(key, secret.Inner, urns));
            default:
                return value;
        }
    }

    private static List<string>? Candidates(string key, IReadOnlyList<string> urns) =>
        KeyTypes.TryGetValue(key, out var type)
            ? urns.Where(u => TypeOfUrn(u) == type).Distinct(StringComparer.Ordinal).ToList()
            : null;
}
