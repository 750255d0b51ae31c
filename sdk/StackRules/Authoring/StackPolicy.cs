namespace StackRules;

/// <summary>
/// A policy that looks at the whole stack at once: every resource with its properties, parent and dependencies
/// (Pulumi's stack validation policy). Give <see cref="Validate"/> as a delegate, or derive and override
/// <see cref="ValidateStack"/>.
/// </summary>
public class StackPolicy(string name, string description) : Policy(name, description)
{
    /// <summary>The check: reads <c>args.Resources</c>, adds what is wrong to the violations (each naming its resource).</summary>
    public Action<StackValidationArgs, Violations>? Validate { get; init; }

    /// <inheritdoc/>
    public override PolicyScope Scope => PolicyScope.Stack;

    /// <summary>Runs the check on the stack; the default calls <see cref="Validate"/>.</summary>
    public virtual void ValidateStack(StackValidationArgs args, Violations violations) => Validate?.Invoke(args, violations);
}
