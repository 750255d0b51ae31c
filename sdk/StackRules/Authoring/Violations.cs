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

    internal List<(string? Urn, MessageText Message, bool AdvisoryOnly)> Entries { get; } = [];

    /// <summary>Reports a violation on the resource with <paramref name="urn"/>; by default the resource being validated (or the stack, for a stack policy).</summary>
    public void Add(string message, string? urn = null) => Entries.Add((urn ?? subject?.Urn, MessageText.Of(message), false));

    /// <summary>Reports a violation on <paramref name="resource"/>.</summary>
    public void Add(StackResource resource, string message) => Entries.Add((resource.Urn, MessageText.Of(message), false));

    /// <summary>Reports a violation on <paramref name="resource"/> with a message built as <see cref="MessageText"/> (UTF-8 for many long messages).</summary>
    public void Add(StackResource resource, MessageText message) => Entries.Add((resource.Urn, message, false));

    /// <summary>Reports a finding that is advisory whatever the policy's level (a cost hint next to a mandatory rule).</summary>
    public void AddAdvisory(StackResource resource, string message) => Entries.Add((resource.Urn, MessageText.Of(message), true));

    /// <summary>Reports an advisory finding on <paramref name="resource"/> with a message built as <see cref="MessageText"/>.</summary>
    public void AddAdvisory(StackResource resource, MessageText message) => Entries.Add((resource.Urn, message, true));

    /// <summary>Reports an advisory finding on the resource with <paramref name="urn"/> (default: the resource being validated).</summary>
    public void AddAdvisory(string message, string? urn = null) => Entries.Add((urn ?? subject?.Urn, MessageText.Of(message), true));
}

/// <summary>One violation as reported: the policy, its effective level, the resource and the message.</summary>
/// <param name="Policy">The policy's name.</param>
/// <param name="Level">The effective level: the policy's, or advisory for an advisory-only finding.</param>
/// <param name="Urn">The resource's URN; empty for a violation of the stack as a whole.</param>
/// <param name="Type">The resource's type token; empty for the stack.</param>
/// <param name="Name">The resource's logical name; empty for the stack.</param>
/// <param name="Message">What is wrong and the fix; secret values appear as <c>[secret]</c>.</param>
public sealed record Violation(string Policy, EnforcementLevel Level, string Urn, string Type, string Name, string Message)
{
    /// <summary>A violation whose message is <paramref name="text"/> (held as the policy built it: a string or UTF-8).</summary>
    /// <param name="policy">The policy's name.</param>
    /// <param name="level">The effective level.</param>
    /// <param name="urn">The resource's URN; empty for the stack.</param>
    /// <param name="type">The resource's type token; empty for the stack.</param>
    /// <param name="name">The resource's logical name; empty for the stack.</param>
    /// <param name="text">The message.</param>
    public Violation(string policy, EnforcementLevel level, string urn, string type, string name, MessageText text)
        : this(policy, level, urn, type, name, (string?)null!) => Text = text;

    /// <summary>The message as held (<see cref="MessageText"/>); <see cref="Message"/> is its string.</summary>
    public MessageText Text { get; init; } = MessageText.Of(Message ?? "");

    /// <summary>What is wrong and the fix; secret values appear as <c>[secret]</c>.</summary>
    public string Message
    {
        get => Text.ToString();
        init => Text = MessageText.Of(value);
    }
}

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
