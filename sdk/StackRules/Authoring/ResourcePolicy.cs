namespace StackRules;

/// <summary>
/// A policy that looks at one resource at a time, on its inputs (Pulumi's resource validation policy). Give
/// <see cref="Validate"/> (and <see cref="Remediate"/>) as delegates, or derive and override
/// <see cref="ValidateResource"/> (and <see cref="Policy.RemediateResource"/>).
/// </summary>
/// <example>
/// <code>
/// new ResourcePolicy("no-public-task-ip", "Tasks get no public IP.")
/// {
///     EnforcementLevel = EnforcementLevel.Mandatory,
///     ResourceTypes = ["aws:ecs/service:Service"],
///     Validate = (args, violations) =>
///     {
///         if (args.Props.Nested("networkConfiguration").Bool("assignPublicIp").Is(on => on))
///         {
///             violations.Add("assignPublicIp is true; set it to false.");
///         }
///     },
/// };
/// </code>
/// </example>
public class ResourcePolicy(string name, string description) : Policy(name, description)
{
    /// <summary>The check: reads <c>args</c>, adds what is wrong to the violations.</summary>
    public Action<ResourceValidationArgs, Violations>? Validate { get; init; }

    /// <summary>The fix: returns the resource's new inputs, or null for no change (see <see cref="Policy.RemediateResource"/>).</summary>
    public Func<ResourceValidationArgs, ObjectValue?>? Remediate { get; init; }

    /// <summary>The type tokens the policy applies to (<c>aws:ec2/vpc:Vpc</c>); empty means every resource.</summary>
    public IReadOnlyList<string> ResourceTypes { get; init; } = [];

    /// <inheritdoc/>
    public override PolicyScope Scope => PolicyScope.Resource;

    /// <inheritdoc/>
    public override bool CanRemediate => Remediate is not null;

    /// <summary>Whether the policy looks at resources of <paramref name="type"/>.</summary>
    public bool AppliesTo(string type) => ResourceTypes.Count == 0 || ResourceTypes.Contains(type, StringComparer.Ordinal);

    /// <summary>Runs the check on one resource; the default calls <see cref="Validate"/>.</summary>
    public virtual void ValidateResource(ResourceValidationArgs args, Violations violations) => Validate?.Invoke(args, violations);

    /// <inheritdoc/>
    public override ObjectValue? RemediateResource(ResourceValidationArgs args) => Remediate?.Invoke(args);
}
