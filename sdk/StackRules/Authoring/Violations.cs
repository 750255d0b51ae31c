namespace StackRules;

/// <summary>
/// Where a policy reports what is wrong (Pulumi's <c>reportViolation</c>). A message must say what is wrong and how to
/// fix it; it never needs to avoid secrets by hand: any secret value of the stack that appears in a message is
/// printed as <c>[secret]</c>.
/// </summary>
public sealed class Violations
{
    private readonly StackResource? subject;

    internal Violations(StackResource? subject) => this.subject = subject;

    internal List<(string? Urn, string Message, bool AdvisoryOnly)> Entries { get; } = [];

    /// <summary>Reports a violation on the resource with <paramref name="urn"/>; by default the resource being validated (or the stack, for a stack policy).</summary>
    public void Add(string message, string? urn = null) => Entries.Add((urn ?? subject?.Urn, message, false));

    /// <summary>Reports a violation on <paramref name="resource"/>.</summary>
    public void Add(StackResource resource, string message) => Entries.Add((resource.Urn, message, false));

    /// <summary>Reports a finding that is advisory whatever the policy's level (a cost hint next to a mandatory rule).</summary>
    public void AddAdvisory(StackResource resource, string message) => Entries.Add((resource.Urn, message, true));

    /// <summary>Reports an advisory finding on the resource with <paramref name="urn"/> (default: the resource being validated).</summary>
    public void AddAdvisory(string message, string? urn = null) => Entries.Add((urn ?? subject?.Urn, message, true));
}

/// <summary>One violation as reported: the policy, its effective level, the resource and the message.</summary>
/// <param name="Policy">The policy's name.</param>
/// <param name="Level">The effective level: the policy's, or advisory for an advisory-only finding.</param>
/// <param name="Urn">The resource's URN; empty for a violation of the stack as a whole.</param>
/// <param name="Type">The resource's type token; empty for the stack.</param>
/// <param name="Name">The resource's logical name; empty for the stack.</param>
/// <param name="Message">What is wrong and the fix; secret values appear as <c>[secret]</c>.</param>
public sealed record Violation(string Policy, EnforcementLevel Level, string Urn, string Type, string Name, string Message);

/// <summary>A policy's remediation of one resource: its new inputs.</summary>
/// <param name="Policy">The policy that rewrote the inputs.</param>
/// <param name="Properties">The resource's new inputs, whole.</param>
public sealed record Remediation(string Policy, ObjectValue Properties)
{
    /// <summary>The inputs of <paramref name="inputs"/> with <paramref name="name"/> set to <paramref name="value"/> (a helper for remediations).</summary>
    public static ObjectValue With(ObjectValue inputs, string name, PropertyValue value)
    {
        var copy = new Dictionary<string, PropertyValue>(inputs.Properties, StringComparer.Ordinal) { [name] = value };
        return new ObjectValue(copy);
    }
}
