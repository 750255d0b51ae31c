namespace StackRules.Tests;

/// <summary>Small stacks for the SDK's tests, built in code.</summary>
internal static class Stacks
{
    public const string Service = "aws:ecs/service:Service";

    public static string Urn(string type, string name) => $"urn:pulumi:dev::app::{type}::{name}";

    public static StackResource Resource(string type, string name, params (string Key, PropertyValue Value)[] inputs) =>
        new(Urn(type, name), type, name, Object(inputs));

    public static ObjectValue Object(params (string Key, PropertyValue Value)[] properties) =>
        new(properties.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));

    public static StackResource ServiceWithPublicIp(PropertyValue assignPublicIp, string name = "app") =>
        Resource(Service, name, ("networkConfiguration", Object(("assignPublicIp", assignPublicIp))));

    /// <summary>The sample policy of the docs: ECS services run their tasks without a public IP.</summary>
    public static ResourcePolicy NoPublicTaskIp(EnforcementLevel level = EnforcementLevel.Mandatory) =>
        new("no-public-task-ip", "ECS services run their tasks without a public IP.")
        {
            EnforcementLevel = level,
            ResourceTypes = [Service],
            Validate = (args, violations) =>
            {
                if (args.Props.Nested("networkConfiguration").Bool("assignPublicIp").Is(on => on))
                {
                    violations.Add("assignPublicIp is true. Set it to false.");
                }
            },
            Remediate = args => Remediation.With(args.Resource.Inputs, "networkConfiguration", Object(("assignPublicIp", new BoolValue(false)))),
        };
}
