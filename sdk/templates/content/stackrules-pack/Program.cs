using StackRules;
using StackRules.Host;

var noPublicTaskIp = new ResourcePolicy("no-public-task-ip", "ECS services run their tasks without a public IP.")
{
    EnforcementLevel = EnforcementLevel.Mandatory,
    ResourceTypes = ["aws:ecs/service:Service"],
    Validate = (args, violations) =>
    {
        // Is(...) is true only for a known value: an unknown (a preview's output) never becomes a violation.
        if (args.Props.Nested("networkConfiguration").Bool("assignPublicIp").Is(on => on))
        {
            violations.Add("assignPublicIp is true, so every task gets a public IP. Set it to false.");
        }
    },
};

var costCentre = new ResourcePolicy("endpoint-cost-centre", "Every VPC endpoint carries the cost-centre tag.")
{
    ResourceTypes = ["aws:ec2/vpcEndpoint:VpcEndpoint"],
    ConfigSchema = ConfigSchema.Of(
        ("tag", ConfigSchema.Text("The tag key.", "cost-centre")),
        ("value", ConfigSchema.Text("The value the remediation sets.", "platform"))),
    Validate = (args, violations) =>
    {
        var tags = args.Props.TextMap("tags");
        if (!tags.IsUnknown && !(tags.IsKnown && tags.Value.ContainsKey(args.Config.Text("tag")!)))
        {
            // A Fact prints [secret] for a secret value, so a message cannot leak one.
            violations.Add($"The endpoint for {args.Props.Text("serviceName")} has no {args.Config.Text("tag")} tag.");
        }
    },
    // Runs when the policy's level is "remediate": the new inputs, with the tag added.
    Remediate = args => args.Props.TextMap("tags").IsUnknown
        ? null
        : Remediation.With(args.Resource.Inputs, "tags", Remediation.With(
            ResourceProperties.AsObject(args.Props.Raw("tags")) ?? ObjectValue.Empty, args.Config.Text("tag")!, new StringValue(args.Config.Text("value")!))),
};

return await PolicyHost.RunAsync(args, new PolicyPack("my-policies", "0.1.0", [noPublicTaskIp, costCentre]));
